using Microsoft.AspNetCore.Mvc.RazorPages;
using SmeZones.Core.Applications;
using SmeZones.Core.Data;
using SmeZones.Core.ExpertReview;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Experts;

/// <summary>The expert's review tasks: only the applications they are a member of the group for.</summary>
public class IndexModel(PortalDbContext db) : PageModel
{
    public IReadOnlyList<(ExpertAssignment Assignment, Application Application)> Tasks { get; private set; } = [];

    public async Task OnGetAsync() => Tasks = await ExpertAccess.AssignmentsOfAsync(db, User.ToViewer(), HttpContext.RequestAborted);
}
