using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmeZones.Core.Data;
using SmeZones.Core.Registry;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Registry.Annual;

/// <summary>
/// The report's one step the viewer may take now: the holder submits; the province forwards or returns; the ministry
/// accepts or returns. A step from any other state, or on a stale version, is refused with one message.
/// </summary>
public class StepModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public bool Pass { get; set; }
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public uint Version { get; set; }

    public AnnualReportView Report { get; private set; } = null!;

    public IActionResult OnGet(Guid id) => RedirectToPage("/Registry/Annual/Report", new { id, year = AnnualReportView.RouteYear(this) });

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await AnnualReportView.LoadAsync(this, db, id, ct) is not { } view)
        {
            return NotFound();
        }
        Report = view;
        if (view.Step == ReportStep.None || view.Report is null)
        {
            ModelState.AddModelError("", "该报告当前不在您的办理环节，可能刚被他人处理过，请刷新页面。");
            return Page();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var (actor, now) = (User.ToActor(), clock.GetUtcNow());
        var errors = view.Step switch
        {
            ReportStep.HolderEdits => await AnnualReports.SubmitAsync(db, view.Report.Id, Version, actor, now, ct),
            ReportStep.ProvinceReviews => await AnnualReports.ProvinceReviewAsync(db, view.Report.Id, Version, Pass, Comment, actor, now, ct),
            _ => await AnnualReports.MinistryDecideAsync(db, view.Report.Id, Version, Pass, Comment, actor, now, ct),
        };
        if (errors.Count > 0)
        {
            ModelState.AddErrors(errors, key => key == "comment" ? nameof(Comment) : null);
            return Page();
        }
        TempData["Notice"] = (view.Step, Pass) switch
        {
            (ReportStep.HolderEdits, _) => "报告已提交，待省级审核。",
            (ReportStep.ProvinceReviews, true) => "审核通过，已报送工业和信息化部。",
            (ReportStep.MinistryDecides, true) => "已接收该年度发展报告。",
            _ => "已退回申报主体修改。",
        };
        return RedirectToPage("/Registry/Annual/Report", new { id, year = view.Year });
    }
}

public class StepValidator : AbstractValidator<StepModel>
{
    public StepValidator()
    {
        RuleFor(m => m.Comment).NotEmpty().When(m => !m.Pass).WithMessage("退回时请填写意见。")
            .MaximumLength(RegistryLimits.Comment).WithMessage($"意见不能超过 {RegistryLimits.Comment} 字。");
    }
}
