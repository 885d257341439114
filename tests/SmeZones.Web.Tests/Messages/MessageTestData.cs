using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Notifications;
using SmeZones.Core.Organisations;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Messages;

/// <summary>Reads the messages the hand-overs wrote.</summary>
public static class MessageTestData
{
    public static async Task<List<Message>> MessagesOfAsync(this PortalHost host, PortalUser user, string? kind = null)
    {
        await using var db = host.NewDbContext();
        return await db.Messages.AsNoTracking().Where(m => m.RecipientId == user.Id && (kind == null || m.Kind == kind))
            .OrderBy(m => m.CreatedAt).ToListAsync();
    }

    public static async Task DeactivateAsync(this PortalHost host, PortalUser user)
    {
        await using var db = host.NewDbContext();
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false));
    }

    public static async Task SetEmailAsync(this PortalHost host, PortalUser user, string email)
    {
        await using var db = host.NewDbContext();
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.Email, email));
    }
}
