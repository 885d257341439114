using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Data;
using SmeZones.Core.Registry;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Registry;

/// <summary>One entry with its whole history and its requests; the actions the viewer may take are linked from here.</summary>
public class DetailModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public RegistryEntry Entry { get; private set; } = null!;
    public IReadOnlyList<RegistryChange> History { get; private set; } = [];
    public IReadOnlyList<RegistryRequest> Requests { get; private set; } = [];
    public string? HolderName { get; private set; }

    /// <summary>The annual reports the entry owes up to last year, started or not; an overdue one is 第十一条（二）.</summary>
    public IReadOnlyList<DueReport> Reports { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var entry = await db.RegistryEntries.AsNoTracking().VisibleTo(User.ToViewer()).SingleOrDefaultAsync(e => e.Id == id);
        if (entry is null)
        {
            return NotFound();
        }
        Entry = entry;
        History = await db.RegistryChanges.AsNoTracking().Where(c => c.EntryId == id).OrderBy(c => c.Id).ToListAsync();
        Requests = await db.RegistryRequests.AsNoTracking().Where(r => r.EntryId == id).OrderByDescending(r => r.FiledAt).ToListAsync();
        Today = Dates.Today(clock.GetUtcNow());
        Reports = [.. (await AnnualReportDue.ForAsync(db, db.RegistryEntries.Where(e => e.Id == id), Today.Year - 1)).OrderByDescending(r => r.Year)];
        HolderName = entry.OrganisationId is { } holder ? await db.Organisations.Where(o => o.Id == holder).Select(o => o.Name).SingleOrDefaultAsync() : null;
        return Page();
    }
}
