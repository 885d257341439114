using System.Data.Common;
using System.Security.Claims;
using SmeZones.Core.Data;
using SmeZones.Core.Notifications;

namespace SmeZones.Web.Infrastructure;

/// <summary>
/// The header's unread count: one indexed COUNT per page rendered for a signed-in user, not cached, so a message read
/// or received shows at once (measured in ADR 0043). A failing database never breaks the page over a badge.
/// </summary>
public sealed class UnreadMessages(PortalDbContext db)
{
    public async Task<int?> CountAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }
        try
        {
            return await Inbox.UnreadCountAsync(db, user.ToViewer().UserId, ct);
        }
        catch (DbException)
        {
            return null;
        }
    }
}
