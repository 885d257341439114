using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Data;

namespace SmeZones.Web.Pages.Admin.Users;

public class IndexModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid Id, string UserName, string DisplayName, string Organisation, IReadOnlyList<string> Roles, bool IsActive, bool IsLockedOut);

    public IReadOnlyList<Row> Users { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var now = clock.GetUtcNow();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync();
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        Users = (await db.Users.AsNoTracking().Include(u => u.Organisation).OrderBy(u => u.UserName).ToListAsync())
            .Select(u => new Row(u.Id, u.UserName!, u.DisplayName, u.Organisation!.Name, byUser[u.Id].ToList(), u.IsActive, u.LockoutEnd > now))
            .ToList();
    }
}
