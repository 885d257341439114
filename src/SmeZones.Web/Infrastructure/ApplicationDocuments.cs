using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Audit;
using SmeZones.Core.Data;
using SmeZones.Core.Exports;

namespace SmeZones.Web.Infrastructure;

/// <summary>
/// The print view and PDF of an application, for the applicant's and the reviewer's routes alike: the application
/// is found only through <see cref="ApplicationAccess.FindVisibleAsync"/> (anything else is 404), what is printed
/// is decided by <see cref="ApplicationPrintSource"/>, and both are the one document drawn by <see cref="ApplicationPrintHtml"/>.
/// </summary>
public static class ApplicationDocuments
{
    /// <summary>The print document as the page itself, allowed its one inline style sheet and nothing else.</summary>
    public static async Task<IActionResult> PrintAsync(PageModel page, PortalDbContext db, Guid id)
    {
        var print = await LoadAsync(page, db, id);
        if (print is null)
        {
            return new NotFoundResult();
        }

        var html = page.HttpContext.RequestServices.GetRequiredService<ApplicationPrintHtml>();
        var headers = page.Response.Headers;
        headers.ContentSecurityPolicy = html.ContentSecurityPolicy;
        headers.CacheControl = "no-store";
        return new ContentResult { Content = await html.RenderAsync(page.PageContext, print), ContentType = "text/html; charset=utf-8" };
    }

    /// <summary>The same document as a PDF download, with the draft mark or the submission's fingerprint on every page.</summary>
    public static async Task<IActionResult> PdfAsync(PageModel page, PortalDbContext db, IPdfRenderer renderer, Guid id)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        var print = await LoadAsync(page, db, id);
        if (print is null)
        {
            return new NotFoundResult();
        }

        var services = page.HttpContext.RequestServices;
        var html = await services.GetRequiredService<ApplicationPrintHtml>().RenderAsync(page.PageContext, print);
        var pdf = await renderer.RenderAsync(html, print.FooterText, cancellationToken: page.HttpContext.RequestAborted);
        // Who took which copy (draft, or which submission) is part of the record a stamped paper copy is matched to.
        db.Record(page.User.ToActor(), "PdfDownloaded", "Application", id.ToString(), $"下载PDF（{print.FooterText}）");
        await db.SaveChangesAsync(page.HttpContext.RequestAborted);
        page.Response.Headers.CacheControl = "no-store";
        return new FileContentResult(pdf, "application/pdf") { FileDownloadName = print.FileName };
    }

    private static async Task<ApplicationPrintModel?> LoadAsync(PageModel page, PortalDbContext db, Guid id)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(db);
        var ct = page.HttpContext.RequestAborted;
        var viewer = page.User.ToViewer();
        var application = await db.Applications.AsNoTracking().FindVisibleAsync(viewer, id, ct);
        return application is null ? null : new ApplicationPrintModel(await ApplicationPrintSource.ForAsync(db, application, viewer.OrganisationId, ct));
    }
}
