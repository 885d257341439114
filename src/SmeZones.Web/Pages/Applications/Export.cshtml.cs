using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Audit;
using SmeZones.Core.Data;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Applications;

/// <summary>Downloads the answers as JSON (format in docs/answers-json.md).</summary>
public class ExportModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var application = await db.Applications.AsNoTracking().FindVisibleAsync(User.ToViewer(), id);
        if (application is null)
        {
            return NotFound();
        }
        var now = clock.GetUtcNow();
        db.Record(User.ToActor(), "AnswersExported", nameof(Application), application.Id.ToString(), application.Number);
        await db.SaveChangesAsync();
        var file = AnswersExchange.Export(application, application.Campaign!.Year, now);
        return File(file.ToUtf8(), "application/json", $"{application.Number}-answers.json");
    }
}
