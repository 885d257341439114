using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmeZones.Core.Applications;
using SmeZones.Core.Assessment;
using SmeZones.Core.Data;
using SmeZones.Core.Forms;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Applications;

/// <summary>
/// The applicant's whole self-check on a page of its own (ADR 0089): whoever may see the draft's section pages sees it,
/// read as they read it, from the derivations kept per draft version, so it costs no assessment of its own.
/// </summary>
public class SelfCheckModel(PortalDbContext db, DraftSelfCheck drafts) : PageModel
{
    public Application Application { get; private set; } = null!;

    /// <summary>Null when the round's criteria cannot assess this form.</summary>
    public Core.Assessment.Assessment? SelfCheck { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var draft = await DraftRead.FindVisibleAsync(db, User.ToViewer(), id, HttpContext.RequestAborted);
        if (draft is null || !FormEditionCatalogue.Default.TryGet(draft.Application.FormEditionKey, out var definition))
        {
            return NotFound();
        }
        Application = draft.Application;
        SelfCheck = drafts.For(draft, definition!).SelfCheck;
        return Page();
    }
}
