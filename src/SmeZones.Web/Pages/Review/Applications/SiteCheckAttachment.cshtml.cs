using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmeZones.Core.Data;
using SmeZones.Core.Review;
using SmeZones.Web.Infrastructure;
using SmeZones.Web.Pages.Applications;

namespace SmeZones.Web.Pages.Review.Applications;

/// <summary>
/// Downloads an on-site check's attachment, the way evidence is downloaded: who may reach it is the application access
/// rule (<see cref="SiteCheckStore.OpenAsync"/>), anything else is 404; always an attachment of the detected type, never sniffed.
/// </summary>
public class SiteCheckAttachmentModel(PortalDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid attachmentId)
    {
        var attachment = await SiteCheckStore.OpenAsync(db, User.ToViewer(), id, attachmentId, HttpContext.RequestAborted);
        if (attachment is null)
        {
            return NotFound();
        }
        EvidenceDownload.Headers(Response);
        return File(attachment.Bytes, attachment.ContentType, attachment.FileName);
    }
}
