using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using SmeZones.Core.Applications;
using SmeZones.Core.Audit;
using SmeZones.Core.Data;
using SmeZones.Core.Exports;
using SmeZones.Core.Regions;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Ministry.Applications;

/// <summary>
/// The dossier that replaces the CD, streamed as a zip: ?id= for one recommended application, ?campaignId=&amp;unit= for
/// all a provincial unit's signed-off recommendations in a round. Audited before the first byte goes out.
/// </summary>
public class DossierModel(PortalDbContext db, IPdfRenderer renderer, ApplicationPrintHtml printHtml) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid? id, int? campaignId, string? unit)
    {
        var ct = HttpContext.RequestAborted;
        List<Application> applications;
        string name;
        if (id is { } applicationId)
        {
            var application = await db.Applications.AsNoTracking().FindVisibleAsync(User.ToViewer(), applicationId, ct);
            if (application is null || NationalRound.Of(application.Campaign!) is not { } round || !await round.Recommended(db).AnyAsync(a => a.Id == applicationId, ct))
            {
                return NotFound();
            }
            applications = [application];
            name = $"申报材料-{application.Number}";
        }
        else
        {
            var region = RegionCatalogue.Instance.Find(unit);
            if (campaignId is null || region is not { IsProvincialUnit: true } || await NationalRound.FindAsync(db, campaignId.Value, ct) is not { } round)
            {
                return NotFound();
            }
            applications = await round.Recommended(db).Where(a => a.ProvincialUnitCode == region.Code)
                .Include(a => a.Campaign).ThenInclude(c => c!.Stages).Include(a => a.Organisation)
                .OrderBy(a => a.Number).ToListAsync(ct);
            name = $"申报材料-{round.Campaign.Name}-{region.Name}";
        }

        db.Record(User.ToActor(), "DossierDownloaded", applications.Count == 1 && id is not null ? "Application" : "Campaign",
            id?.ToString() ?? campaignId!.Value.ToString(CultureInfo.InvariantCulture), $"下载{name}（zip）",
            new { applications = applications.Select(a => a.Number), unit });
        await db.SaveChangesAsync(ct);

        HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        Response.ContentType = "application/zip";
        Response.Headers.CacheControl = "no-store";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(DossierWriter.SafeName(name) + ".zip");
        Response.Headers.ContentDisposition = disposition.ToString();
        await DossierWriter.WriteAsync(Response.Body, db, applications, PdfAsync, ct);
        return new EmptyResult();
    }

    /// <summary>The application form as the PDF download prints it: the latest submission, its fingerprint in the footer.</summary>
    private async Task<byte[]> PdfAsync(Application application, CancellationToken ct)
    {
        var print = new ApplicationPrintModel(await ApplicationPrintSource.ForAsync(db, application, User.ToViewer().OrganisationId, ct));
        return await renderer.RenderAsync(await printHtml.RenderAsync(PageContext, print), print.FooterText, cancellationToken: ct);
    }
}
