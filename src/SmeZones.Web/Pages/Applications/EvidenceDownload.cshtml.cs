using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmeZones.Core.Applications;
using SmeZones.Core.Data;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Applications;

/// <summary>An applicant downloads one of its application's 佐证材料.</summary>
public class EvidenceDownloadModel(PortalDbContext db) : PageModel
{
    public Task<IActionResult> OnGetAsync(Guid id, Guid evidenceId) => EvidenceDownload.ServeAsync(this, db, id, evidenceId);
}

/// <summary>
/// The one download of 佐证材料, for applicants and reviewers alike: who may reach the file is decided by
/// <see cref="EvidenceStore.OpenAsync"/> (the application access rule), anything else is 404.
/// </summary>
public static class EvidenceDownload
{
    public static async Task<IActionResult> ServeAsync(PageModel page, PortalDbContext db, Guid id, Guid evidenceId)
    {
        var evidence = await EvidenceStore.OpenAsync(db, page.User.ToViewer(), id, evidenceId, page.HttpContext.RequestAborted);
        if (evidence?.Content is null)
        {
            return page.NotFound();
        }
        // Always a download (File with a name sends "attachment" and the real name as RFC 5987 filename*), never rendered in
        // the portal's origin; the type is the sniffed one, and browsers must not guess another.
        Headers(page.Response);
        return page.File(evidence.Content.Bytes, evidence.ContentType, evidence.FileName);
    }

    /// <summary>What every download of a stored file sends besides the file: no sniffing, no caching.</summary>
    public static void Headers(HttpResponse response)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, no-store";
    }
}
