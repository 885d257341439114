using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Assessment;
using SmeZones.Core.Data;
using SmeZones.Core.Forms;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Applications;

/// <summary>An application's overview for its applicant: where each part stands, and what to do next.</summary>
public class DetailModel(PortalDbContext db, DraftSelfCheck drafts) : PageModel
{
    public Application Application { get; private set; } = null!;
    public FormDefinition Definition { get; private set; } = null!;
    public IReadOnlyList<SectionProgress> Progress { get; private set; } = [];
    public Core.Publication.ListResult? ListResult { get; private set; }
    public ApplicationProgress Overall { get; private set; } = null!;

    /// <summary>A draft's self-check, for its counts beside the link to the self-check page; null once submitted.</summary>
    public Core.Assessment.Assessment? SelfCheck { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        // The section pages' read (with the province figures) plus the stages and organisation the summary shows: a
        // draft's progress and self-check then come from the derivations kept per draft version, as on its section pages.
        var draft = await DraftRead.FindVisibleWithRoundAndOrganisationAsync(db, User.ToViewer(), id, HttpContext.RequestAborted);
        if (draft is null || !FormEditionCatalogue.Default.TryGet(draft.Application.FormEditionKey, out var definition))
        {
            return NotFound();
        }
        var application = draft.Application;
        Application = application;
        Definition = definition!;
        if (application.IsEditableByApplicant)
        {
            var derived = drafts.For(draft, Definition);
            (Progress, SelfCheck) = (derived.Progress, derived.SelfCheck);
        }
        else
        {
            Progress = SectionProgressReport.For(Definition, application.Campaign!.Year, new FormAnswers(application.Answers));
        }
        var withFiles = await db.Evidence.Where(e => e.ApplicationId == id).Select(e => e.SlotKey).Distinct().ToListAsync();
        Overall = ApplicationProgress.For(Definition, application, Progress, withFiles);
        ListResult = await Core.Publication.PublishedLists.ResultForAsync(db, id);
        return Page();
    }
}
