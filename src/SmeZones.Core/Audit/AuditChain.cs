using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Data;

namespace SmeZones.Core.Audit;

/// <summary>Where the audit chain first breaks, if it does: the entry whose content or link no longer matches.</summary>
public sealed record AuditChainBreak(long Id, bool ContentChanged, bool LinkBroken)
{
    public string Reason => ContentChanged
        ? "内容与其哈希值不符（记录被修改）"
        : "与前一条记录的哈希值不衔接（前面的记录被删除、插入或修改）";
}

/// <summary>The result of checking every audit entry; <see cref="HeadHash"/> is worth noting outside the database.</summary>
public sealed record AuditChainReport(long Entries, string? HeadHash, AuditChainBreak? FirstBreak)
{
    public bool Intact => FirstBreak is null;
}

/// <summary>
/// Recomputes every entry's hash with the same database function the insert trigger used, and checks each entry links
/// to the one before it in id order (ADR 0006). Detects any entry changed, removed or inserted, except removal of the
/// newest entries: compare <see cref="AuditChainReport.HeadHash"/> with one noted earlier for that.
/// </summary>
public static class AuditChain
{
    public static async Task<AuditChainReport> VerifyAsync(PortalDbContext db, CancellationToken ct = default)
    {
        var firstBreak = await db.Database.SqlQueryRaw<AuditChainBreak>("""
            SELECT "Id", "ContentChanged", "LinkBroken" FROM (
                SELECT e."Id",
                       e."Hash" IS DISTINCT FROM audit_event_digest(e) AS "ContentChanged",
                       e."PreviousHash" IS DISTINCT FROM lag(e."Hash") OVER (ORDER BY e."Id") AS "LinkBroken"
                FROM "AuditEvents" e) AS chain
            WHERE "ContentChanged" OR "LinkBroken"
            ORDER BY "Id"
            LIMIT 1
            """).ToListAsync(ct);
        var entries = await db.AuditEvents.LongCountAsync(ct);
        var head = await db.AuditEvents.OrderByDescending(e => e.Id).Select(e => e.Hash).FirstOrDefaultAsync(ct);
        return new AuditChainReport(entries, head, firstBreak.FirstOrDefault());
    }
}
