using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Data;

namespace SmeZones.Core.Notifications;

/// <summary>One page of a user's messages and how many there are.</summary>
public sealed record InboxPage(IReadOnlyList<Message> Messages, int Total, int Unread, int Page, int Pages);

/// <summary>A user's own messages: every query is by recipient, so nobody reaches another's.</summary>
public static class Inbox
{
    public const int PageSize = 20;

    /// <summary>The header's count: one indexed count per request (ADR 0043).</summary>
    public static Task<int> UnreadCountAsync(PortalDbContext db, Guid userId, CancellationToken ct = default) =>
        db.Messages.CountAsync(m => m.RecipientId == userId && m.ReadAt == null, ct);

    /// <summary>Unread first, then newest first.</summary>
    public static async Task<InboxPage> PageAsync(PortalDbContext db, Guid userId, int page, CancellationToken ct = default)
    {
        var mine = db.Messages.AsNoTracking().Where(m => m.RecipientId == userId);
        var total = await mine.CountAsync(ct);
        var unread = await mine.CountAsync(m => m.ReadAt == null, ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var messages = await mine.OrderBy(m => m.ReadAt != null).ThenByDescending(m => m.CreatedAt).ThenBy(m => m.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new InboxPage(messages, total, unread, page, pages);
    }

    /// <summary>The user's message, marked read now if it was not; null when it is not theirs (or does not exist).</summary>
    public static async Task<Message?> OpenAsync(PortalDbContext db, Guid userId, Guid id, DateTimeOffset now, CancellationToken ct = default)
    {
        var message = await db.Messages.SingleOrDefaultAsync(m => m.Id == id && m.RecipientId == userId, ct);
        if (message is { ReadAt: null })
        {
            message.ReadAt = now;
            await db.SaveChangesAsync(ct);
        }
        return message;
    }

    public static Task<int> MarkAllReadAsync(PortalDbContext db, Guid userId, DateTimeOffset now, CancellationToken ct = default) =>
        db.Messages.Where(m => m.RecipientId == userId && m.ReadAt == null).ExecuteUpdateAsync(u => u.SetProperty(m => m.ReadAt, now), ct);
}
