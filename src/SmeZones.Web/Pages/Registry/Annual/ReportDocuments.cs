using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmeZones.Core.Audit;
using SmeZones.Core.Data;
using SmeZones.Core.Exports;
using SmeZones.Core.Forms;
using SmeZones.Core.Registry;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Registry.Annual;

/// <summary>
/// The report's print view and PDF through the one print path of applications (<see cref="ApplicationPrintModel"/>
/// drawn by <see cref="ApplicationPrintHtml"/>): the snapshot once submitted (its fingerprint on every page), the
/// holder's draft before. Nobody but the holder prints a report never submitted.
/// </summary>
public static class ReportDocuments
{
    public static async Task<IActionResult> PrintAsync(PageModel page, PortalDbContext db)
    {
        var print = await LoadAsync(page, db);
        if (print is null)
        {
            return new NotFoundResult();
        }
        var html = page.HttpContext.RequestServices.GetRequiredService<ApplicationPrintHtml>();
        page.Response.Headers.ContentSecurityPolicy = html.ContentSecurityPolicy;
        page.Response.Headers.CacheControl = "no-store";
        return new ContentResult { Content = await html.RenderAsync(page.PageContext, print), ContentType = "text/html; charset=utf-8" };
    }

    public static async Task<IActionResult> PdfAsync(PageModel page, PortalDbContext db, IPdfRenderer renderer)
    {
        var print = await LoadAsync(page, db);
        if (print is null)
        {
            return new NotFoundResult();
        }
        var html = await page.HttpContext.RequestServices.GetRequiredService<ApplicationPrintHtml>().RenderAsync(page.PageContext, print);
        var pdf = await renderer.RenderAsync(html, print.FooterText, cancellationToken: page.HttpContext.RequestAborted);
        db.Record(page.User.ToActor(), "PdfDownloaded", "AnnualReport", (string)page.RouteData.Values["id"]! + "/" + AnnualReportView.RouteYear(page), $"下载PDF（{print.FooterText}）");
        await db.SaveChangesAsync(page.HttpContext.RequestAborted);
        page.Response.Headers.CacheControl = "no-store";
        return new FileContentResult(pdf, "application/pdf") { FileDownloadName = $"年度发展报告-{AnnualReportView.RouteYear(page)}.pdf" };
    }

    private static async Task<ApplicationPrintModel?> LoadAsync(PageModel page, PortalDbContext db)
    {
        if (!Guid.TryParse((string?)page.RouteData.Values["id"], out var id)
            || await AnnualReportView.LoadAsync(page, db, id, page.HttpContext.RequestAborted) is not { Report: { } report } view
            || (!view.IsHolder && view.Fingerprint is null))
        {
            return null;
        }
        return new ApplicationPrintModel(new PrintRequest
        {
            Definition = view.Form, RoundYear = view.RoundYear, Answers = new FormAnswers(view.Answers),
            ApplicationNumber = $"{view.Entry.CertificateNumber} {view.Year}年度", OrganisationName = view.Entry.Name,
            IsDraft = view.Fingerprint is null, Fingerprint = view.Fingerprint, SubmittedAt = view.SubmittedAt,
            Progress = AnnualReportProgress.For(view.Form, view.Year, view.Answers),
        });
    }
}
