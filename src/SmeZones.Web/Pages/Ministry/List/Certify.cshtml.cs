using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Publication;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Ministry.List;

/// <summary>认定: certificate number format of the programme, the date, and certify / 不予认定 per remaining entry.</summary>
public class CertifyModel(PortalDbContext db, TimeProvider clock) : MinistryListPage(db)
{
    public sealed class Choice
    {
        public Guid EntryId { get; set; }
        public bool Certify { get; set; } = true;
        public string? Reason { get; set; }
    }

    [BindProperty] public string? Format { get; set; }
    [BindProperty] public DateOnly? CertifiedOn { get; set; }
    [BindProperty] public List<Choice> Choices { get; set; } = [];

    public PublicList? List { get; private set; }
    public IReadOnlyList<ListEntry> Entries { get; private set; } = [];
    public IReadOnlyDictionary<Guid, Certification> Certificates { get; private set; } = new Dictionary<Guid, Certification>();
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        Format = await Certifying.FormatAsync(Db, Campaign.Programme);
        CertifiedOn = DateOnly.FromDateTime(ChinaTime.ToChina(clock.GetUtcNow()).DateTime);
        Choices = Entries.Where(e => e.Selected && e.Outcome == ListOutcome.Pending).Select(e => new Choice { EntryId = e.Id }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await SaveFormatAsync(ct);
        var errors = await Certifying.CertifyAsync(Db, CampaignId, CertifiedOn!.Value,
            Choices.Select(c => new CertifyInput(c.EntryId, c.Certify, c.Reason)).ToList(), User.ToActor(), clock.GetUtcNow(), ct);
        if (errors.Count > 0)
        {
            ModelState.AddErrors(errors, key => key.StartsWith("reason:", StringComparison.Ordinal)
                ? $"Choices[{Choices.FindIndex(c => "reason:" + c.EntryId == key)}].Reason" : null);
            return Page();
        }
        TempData["Notice"] = "认定已完成，认定名单已在公开页面发布。";
        return RedirectToPage("/Ministry/List/Certify", new { campaignId = CampaignId });
    }

    private async Task SaveFormatAsync(CancellationToken ct)
    {
        var settings = await Db.ProgrammeListSettings.SingleOrDefaultAsync(s => s.Programme == Campaign.Programme, ct);
        if (settings?.CertificateNumberFormat == Format || (settings is null && Format == ListNames.DefaultCertificateFormat(Campaign.Programme)))
        {
            return;
        }
        if (settings is null)
        {
            Db.ProgrammeListSettings.Add(new ProgrammeListSettings { Programme = Campaign.Programme, CertificateNumberFormat = Format! });
        }
        else
        {
            settings.CertificateNumberFormat = Format!;
        }
        Db.Record(User.ToActor(), "CertificateFormatChanged", "Programme", Campaign.Programme.ToString(), $"证书编号格式：{Format}");
        await Db.SaveChangesAsync(ct);
    }

    protected override async Task OnLoadedAsync(CancellationToken ct)
    {
        List = await Db.PublicLists.AsNoTracking().SingleOrDefaultAsync(l => l.CampaignId == CampaignId, ct);
        Entries = await Db.ListEntries.AsNoTracking().Where(e => e.CampaignId == CampaignId).OrderBy(e => e.Rank).ToListAsync(ct);
        Certificates = await Db.Certifications.AsNoTracking().Where(c => c.CampaignId == CampaignId).ToDictionaryAsync(c => c.ApplicationId, ct);
        Refusal = await Certifying.RefusalAsync(Db, List, clock.GetUtcNow(), ct);
    }
}

/// <summary>The certificate number format (Core's rule), the date, and each choice's reason within what Core stores.</summary>
public class CertifyValidator : AbstractValidator<CertifyModel>
{
    public CertifyValidator()
    {
        RuleFor(m => m.Format).Must(Certifying.IsValidFormat)
            .WithMessage("证书编号格式须含序号占位符 {n} 或 {n:000}，可含年份 {year}，不超过 100 个字。");
        RuleFor(m => m.CertifiedOn).NotNull().WithMessage("请填写认定日期。");
        RuleFor(m => m.Choices.Count).LessThanOrEqualTo(SelectValidator.MaxRows).OverridePropertyName("").WithMessage($"一次最多认定 {SelectValidator.MaxRows} 条。");
        RuleForEach(m => m.Choices).ChildRules(choice => choice.RuleFor(c => c.Reason)
            .Must(r => r is null || r.Trim().Length <= Certifying.MaxReason).WithMessage($"理由不能超过 {Certifying.MaxReason} 个字。"));
    }
}
