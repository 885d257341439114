using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Data;
using SmeZones.Core.Organisations;
using SmeZones.Core.Registry;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Registry;

/// <summary>撤销 (部级): one or more grounds of 第十一条, a text and an effective date; the public list drops the entry.</summary>
public class RevokeModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public List<int> Grounds { get; set; } = [];
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public DateOnly? EffectiveOn { get; set; }
    [BindProperty] public uint Version { get; set; }

    public RegistryEntry Entry { get; private set; } = null!;

    /// <summary>Years whose annual report is overdue: 第十一条（二） is suggested, never chosen for the ministry.</summary>
    public IReadOnlyList<DueReport> OverdueReports { get; private set; } = [];

    /// <param name="because">A suggested 撤销说明, from the list of failed re-reviews; the officer may change it.</param>
    public async Task<IActionResult> OnGetAsync(Guid id, string? because)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        Version = Entry.Version;
        Text = because is { Length: > 0 and <= RegistryLimits.Reason } ? because : null;
        EffectiveOn = Dates.Today(clock.GetUtcNow());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        db.ChangeTracker.Clear();
        var errors = await RegistryLifecycle.RevokeAsync(db, id, Version, Grounds, Text, EffectiveOn, User.ToActor(), clock.GetUtcNow(), ct);
        if (errors.Count > 0)
        {
            ModelState.AddErrors(errors, key => key switch { "grounds" => nameof(Grounds), "text" => nameof(Text), "effectiveOn" => nameof(EffectiveOn), _ => null });
            await LoadAsync(id);
            return Page();
        }
        TempData["Notice"] = $"已撤销“{Entry.Name}”的认定。";
        return RedirectToPage("/Registry/Detail", new { id });
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (!User.IsInRole(Roles.Ministry))
        {
            return false;
        }
        var entry = await db.RegistryEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id);
        if (entry is null)
        {
            return false;
        }
        Entry = entry;
        OverdueReports = await AnnualReportDue.OverdueForEntryAsync(db, id, clock.GetUtcNow());
        return true;
    }
}

public class RevokeValidator : AbstractValidator<RevokeModel>
{
    public RevokeValidator()
    {
        RuleFor(m => m.Grounds).NotEmpty().WithMessage("请至少选择一项第十一条所列的撤销情形。")
            .Must(g => g.All(n => RegistryNames.RevocationGrounds.Any(r => r.Number == n))).WithMessage("撤销情形无效，请从列表中选择。");
        RuleFor(m => m.Text).NotEmpty().WithMessage("请填写撤销说明。")
            .MaximumLength(RegistryLimits.Reason).WithMessage($"撤销说明不能超过 {RegistryLimits.Reason} 字。");
        RuleFor(m => m.EffectiveOn).NotNull().WithMessage("请填写生效日期（格式：2026-12-01）。");
    }
}
