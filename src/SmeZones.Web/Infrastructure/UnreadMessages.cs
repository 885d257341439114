using System.Data.Common;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Data;
using SmeZones.Core.Notifications;

namespace SmeZones.Web.Infrastructure;

/// <summary>
/// The header's unread count. The per-request session check (<see cref="SessionValidation"/>) reads it in the same
/// statement as the security stamp, so a page costs no extra round trip for the badge (ADR 0069). The count is
/// still never cached across requests, so a message read or received shows on the next page. Anything saved through
/// this request's context (opening a message marks it read) drops the early count and the layout counts afresh.
/// A failing database never breaks the page over a badge. The context is pooled (ADR 0088), so the handler is
/// removed when the request ends rather than left on a context that serves the next request.
/// </summary>
public sealed class UnreadMessages : IDisposable
{
    private readonly PortalDbContext _db;
    private int? _known;

    public UnreadMessages(PortalDbContext db)
    {
        _db = db;
        db.SavedChanges += Forget;
    }

    public void Dispose() => _db.SavedChanges -= Forget;

    private void Forget(object? sender, SavedChangesEventArgs e) => _known = null;

    /// <summary>The count read by the session check at the start of this request.</summary>
    public void Known(int count) => _known = count;

    public async Task<int?> CountAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }
        if (_known is { } known)
        {
            return known;
        }
        try
        {
            return await Inbox.UnreadCountAsync(_db, user.ToViewer().UserId, ct);
        }
        catch (DbException)
        {
            return null;
        }
    }
}
