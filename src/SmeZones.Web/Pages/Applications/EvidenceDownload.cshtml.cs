using System.Text;
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
        var headers = page.Response.Headers;
        // Always a download, never rendered in the portal's origin; the type is the sniffed one, and browsers must not guess another.
        headers.ContentDisposition = ContentDisposition(evidence.FileName);
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "private, no-store";
        return new FileContentResult(evidence.Content.Bytes, evidence.ContentType);
    }

    /// <summary>
    /// <c>attachment</c> with an ASCII-only <c>filename</c> for old clients and the real name as RFC 5987
    /// <c>filename*=UTF-8''…</c> (percent-encoded, so quotes, semicolons and line breaks cannot break the header).
    /// </summary>
    public static string ContentDisposition(string fileName) =>
        $"attachment; filename=\"{AsciiFallback(fileName)}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";

    /// <summary>"名录 2024.pdf" → "_2024.pdf"; a name with nothing ASCII left becomes "evidence" plus its extension.</summary>
    public static string AsciiFallback(string fileName)
    {
        var dot = fileName.LastIndexOf('.');
        var (stem, extension) = dot > 0 ? (fileName[..dot], fileName[dot..]) : (fileName, "");
        var ascii = new StringBuilder();
        foreach (var c in stem)
        {
            var keep = char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '(' or ')' or ' ';
            var next = keep ? c : '_';
            if (next != '_' || ascii.Length == 0 || ascii[^1] != '_')
            {
                ascii.Append(next);
            }
        }
        var safeStem = ascii.ToString().Trim();
        if (!safeStem.Any(char.IsAsciiLetterOrDigit))
        {
            safeStem = "evidence";
        }
        var safeExtension = extension.All(c => char.IsAsciiLetterOrDigit(c) || c == '.') ? extension : "";
        return (safeStem.Length > 100 ? safeStem[..100] : safeStem) + safeExtension;
    }
}
