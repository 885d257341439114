using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Data;
using SmeZones.Core.Forms;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Applications;

/// <summary>An application's overview for its applicant: where each part stands, and what to do next.</summary>
public class DetailModel(PortalDbContext db) : PageModel
{
    public Application Application { get; private set; } = null!;
    public FormDefinition Definition { get; private set; } = null!;
    public IReadOnlyList<SectionProgress> Progress { get; private set; } = [];
    public Core.Publication.ListResult? ListResult { get; private set; }
    public ApplicationProgress Overall { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var application = await db.Applications.AsNoTracking().FindVisibleAsync(User.ToViewer(), id);
        if (application is null || !FormEditionCatalogue.Default.TryGet(application.FormEditionKey, out var definition))
        {
            return NotFound();
        }
        Application = application;
        Definition = definition!;
        Progress = SectionProgressReport.For(Definition, application.Campaign!.Year, new FormAnswers(application.Answers));
        var withFiles = await db.Evidence.Where(e => e.ApplicationId == id).Select(e => e.SlotKey).Distinct().ToListAsync();
        Overall = ApplicationProgress.For(Definition, application, Progress, withFiles);
        ListResult = await Core.Publication.PublishedLists.ResultForAsync(db, id);
        return Page();
    }
}
