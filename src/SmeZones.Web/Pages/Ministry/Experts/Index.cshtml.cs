using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.ExpertReview;
using SmeZones.Core.Organisations;
using SmeZones.Core.Regions;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Ministry.Experts;

/// <summary>专家库: the ministry takes Expert accounts into the pool and keeps their unit, province, fields and status; and the rounds to review.</summary>
public class IndexModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? UserId { get; set; }
    [BindProperty] public string? WorkUnit { get; set; }
    [BindProperty] public string? ProvincialUnitCode { get; set; }
    [BindProperty] public string? FieldsText { get; set; }
    [BindProperty] public bool IsActive { get; set; } = true;

    public IReadOnlyList<ExpertCandidate> Pool { get; private set; } = [];
    public IReadOnlyList<PortalUser> Accounts { get; private set; } = [];
    public IReadOnlyList<Campaign> Rounds { get; private set; } = [];
    public static IReadOnlyList<Region> ProvincialUnits { get; } = RegionCatalogue.Instance.All.Where(r => r.IsProvincialUnit).OrderBy(r => r.Code, StringComparer.Ordinal).ToList();

    public async Task OnGetAsync()
    {
        await LoadAsync();
        if (Pool.SingleOrDefault(e => e.UserId == UserId) is { } expert)
        {
            (WorkUnit, ProvincialUnitCode, FieldsText, IsActive) = (expert.Profile.WorkUnit, expert.Profile.ProvincialUnitCode, string.Join("、", expert.Profile.Fields), expert.Profile.IsActive);
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        var fields = ExpertPool.ParseFields(FieldsText);
        var account = Accounts.SingleOrDefault(a => a.Id == UserId);
        // Whether the id is one of the Expert accounts needs them loaded; the validator has checked the rest.
        if (account is null && ModelState.GetFieldValidationState(nameof(UserId)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.AddModelError(nameof(UserId), ExpertProfileValidator.ChooseAccount);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var now = clock.GetUtcNow();
        var profile = await db.ExpertProfiles.SingleOrDefaultAsync(p => p.UserId == UserId);
        if (profile is null)
        {
            profile = new ExpertProfile { UserId = account!.Id, ProvincialUnitCode = ProvincialUnitCode! };
            db.ExpertProfiles.Add(profile);
        }
        (profile.WorkUnit, profile.ProvincialUnitCode, profile.Fields, profile.IsActive, profile.UpdatedAt) = (WorkUnit!.Trim(), ProvincialUnitCode!, fields, IsActive, now);
        db.Record(User.ToActor(), "ExpertProfileSaved", nameof(ExpertProfile), account!.Id.ToString(),
            $"专家库：{account.DisplayName}（{profile.WorkUnit}，{(IsActive ? "在用" : "停用")}）", new { profile.WorkUnit, profile.ProvincialUnitCode, profile.Fields, profile.IsActive });
        await db.SaveChangesAsync();
        TempData["Notice"] = $"已保存专家 {account.DisplayName} 的信息。";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        Pool = await ExpertPool.AllAsync(db, ct);
        Accounts = await ExpertPool.ExpertAccountsAsync(db, ct);
        Rounds = (await db.Campaigns.AsNoTracking().Include(c => c.Stages).OrderByDescending(c => c.Year).ThenBy(c => c.Name).ToListAsync(ct))
            .Where(c => c.Stages.OrderBy(s => s.Order).LastOrDefault()?.Level == OrganisationLevel.Ministry).ToList();
    }
}

/// <summary>An expert's pool entry: an account chosen, a provincial unit of the catalogue, the unit's name, the fields.</summary>
public class ExpertProfileValidator : AbstractValidator<IndexModel>
{
    public const string ChooseAccount = "请选择一个评审专家账号";

    public ExpertProfileValidator()
    {
        RuleFor(m => m.UserId).NotNull().WithMessage(ChooseAccount);
        RuleFor(m => m.ProvincialUnitCode).Must(c => IndexModel.ProvincialUnits.Any(r => r.Code == c)).WithMessage("请选择专家所属的省级单位");
        RuleFor(m => m.WorkUnit).Must(w => !string.IsNullOrWhiteSpace(w) && w.Trim().Length <= 200).WithMessage("请填写所在单位（200 字以内）");
        RuleFor(m => m.FieldsText).Must(t => t is not { Length: > 2000 } && ExpertPool.ParseFields(t) is var fields
                && fields.Count <= ExpertPool.MaxFields && fields.All(f => f.Length <= ExpertPool.MaxFieldLength))
            .WithMessage($"专业领域最多 {ExpertPool.MaxFields} 个，每个不超过 {ExpertPool.MaxFieldLength} 字");
    }
}
