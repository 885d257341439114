using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Data;
using SmeZones.Core.Organisations;
using SmeZones.Core.Registry;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Registry;

/// <summary>One entry due for re-review: the original plan's targets as submitted, and the ministry's record of 复核通过.</summary>
public class ReReviewEntryModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public uint Version { get; set; }

    public RegistryEntry Entry { get; private set; } = null!;
    public ReReviewStart? Prefill { get; private set; }

    /// <summary>The entry's re-review applications in re-review rounds: round, number, status.</summary>
    public IReadOnlyList<(string Round, string Number, SmeZones.Core.Applications.ApplicationStatus Status)> Applications { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        Version = Entry.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id) || !User.IsInRole(Roles.Ministry))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var errors = await RegistryLifecycle.RecordReReviewPassedAsync(db, id, Version, Note, User.ToActor(), clock.GetUtcNow(), ct);
        if (errors.Count > 0)
        {
            ModelState.AddErrors(errors, key => key == "note" ? nameof(Note) : null);
            await LoadAsync(id);
            return Page();
        }
        TempData["Notice"] = "已登记复核通过，有效期已延长。";
        return RedirectToPage("/Registry/Detail", new { id });
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var viewer = User.ToViewer();
        if (!viewer.IsIn(Roles.Ministry) && !viewer.IsProvince())
        {
            return false;
        }
        var entry = await db.RegistryEntries.AsNoTracking().VisibleTo(viewer).SingleOrDefaultAsync(e => e.Id == id);
        if (entry is null)
        {
            return false;
        }
        Entry = entry;
        Prefill = await ReReviewPrefill.ForAsync(db, id);
        Applications = (await db.Applications.AsNoTracking().Where(a => a.ReReviewEntryId == id).OrderBy(a => a.CreatedAt)
            .Select(a => new { a.Campaign!.Name, a.Number, a.Status }).ToListAsync()).Select(a => (a.Name, a.Number, a.Status)).ToList();
        return true;
    }
}

public class ReReviewEntryValidator : AbstractValidator<ReReviewEntryModel>
{
    public ReReviewEntryValidator() =>
        RuleFor(m => m.Note).MaximumLength(RegistryLimits.Reason).WithMessage($"说明不能超过 {RegistryLimits.Reason} 字。");
}
