using Microsoft.AspNetCore.Mvc.RazorPages;
using SmeZones.Core.Data;
using SmeZones.Core.Review;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Review.Applications;

/// <summary>
/// What the review pages that act on one application share: the application as the viewer reviews it (stage
/// position included), loaded once per request, then whatever the page adds in <see cref="OnLoadedAsync"/>.
/// </summary>
public abstract class ReviewedApplicationPage(PortalDbContext db) : PageModel
{
    protected PortalDbContext Db => db;

    public ReviewedApplication Reviewed { get; private set; } = null!;

    /// <returns>false when the viewer may not review the application (the page answers 404).</returns>
    protected async Task<bool> LoadAsync(Guid id)
    {
        var reviewed = await ReviewedApplication.LoadAsync(db, User.ToViewer(), id, HttpContext.RequestAborted);
        if (reviewed is null)
        {
            return false;
        }
        Reviewed = reviewed;
        await OnLoadedAsync(id, HttpContext.RequestAborted);
        return true;
    }

    /// <summary>Loads what the page shows beside the application; <see cref="Reviewed"/> is set.</summary>
    protected virtual Task OnLoadedAsync(Guid id, CancellationToken ct) => Task.CompletedTask;
}
