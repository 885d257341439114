using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Data;
using SmeZones.Core.Forms;
using SmeZones.Core.Registry;
using SmeZones.Web.Infrastructure;
using SmeZones.Web.Pages.Applications.Form;

namespace SmeZones.Web.Pages.Registry.Annual;

/// <summary>
/// An entry's 年度发展报告 for a year: the holder starts it, fills the whole form on one page (the same field partials
/// and forms engine as applications) and saves it; everyone else with access reads what was submitted, with the
/// plan targets' completion, and the province or the ministry takes its step from here (<see cref="StepModel"/>).
/// </summary>
public class ReportModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public uint Version { get; set; }

    public AnnualReportView Report { get; private set; } = null!;
    public FormView View { get; private set; } = null!;
    public IReadOnlyList<ProgressLine> Progress { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        Version = Report.Report?.Version ?? 0;
        Show(new FormAnswers(Report.Answers));
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id) || !Report.IsHolder)
        {
            return NotFound();
        }
        if (Report.Report is null)
        {
            var (_, errors) = await AnnualReports.StartAsync(db, Report.Entry, Report.Year, User.ToActor(), clock.GetUtcNow(), ct);
            TempData["Notice"] = errors.Count > 0 ? errors[0].Message : "已开始填报，已按名录和原申报规划预填部分内容，请核对。";
        }
        return RedirectToPage("/Registry/Annual/Report", new { id, year = Report.Year });
    }

    /// <summary>Saves the whole form; valid answers are kept even when others are refused (shown beside their fields).</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var posted = Request.Form.Keys.ToDictionary(k => k, k => (string?)Request.Form[k].ToString());
        if (Report.Step != ReportStep.HolderEdits)
        {
            ModelState.AddModelError("", "该报告当前不能修改。");
            Show(new FormAnswers(Report.Answers));
            return Page();
        }
        var report = await db.AnnualReports.SingleAsync(r => r.Id == Report.Report!.Id, ct);
        var (result, errors) = Version == report.Version
            ? await AnnualReports.SaveAsync(db, report, Version, posted, User.ToActor(), clock.GetUtcNow(), ct)
            : (null, [Core.OperationError.ForRequest(AnnualReports.Conflict)]);
        if (result is { HasErrors: false })
        {
            TempData["Notice"] = result.ChangedKeys.Count == 0 ? "没有需要保存的修改。" : $"已保存（{result.ChangedKeys.Count} 项）。";
            return RedirectToPage("/Registry/Annual/Report", new { id, year = Report.Year });
        }
        ModelState.AddErrors(errors.Concat(result?.Errors ?? []).Where(e => ModelState.GetFieldValidationState(e.Key) != ModelValidationState.Invalid));
        if (result is not null)
        {
            ModelState.AddModelError("", $"以下 {result.Errors.Count} 处未保存，请修改后再保存；其他内容已保存。");
        }
        await LoadAsync(id);
        Version = Report.Report!.Version;
        var shown = new FormAnswers(Report.Answers);
        foreach (var key in posted.Keys)
        {
            shown.Set(key, posted[key]);
        }
        Show(shown);
        return Page();
    }

    private void Show(FormAnswers values)
    {
        View = new FormView(Report.Form, Report.RoundYear, values, ModelState, readOnly: Report.Step != ReportStep.HolderEdits);
        Progress = AnnualReportProgress.Lines(Report.Form, Report.Answers);
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var view = await AnnualReportView.LoadAsync(this, db, id, HttpContext.RequestAborted);
        if (view is null)
        {
            return false;
        }
        Report = view;
        return true;
    }
}

/// <summary>The report's answers by the form's own rules (draft mode: what is filled must be right), beside each field.</summary>
public class ReportValidator : AbstractValidator<ReportModel>
{
    public ReportValidator(PortalDbContext db) => RuleFor(m => m).CustomAsync(async (m, context, ct) =>
    {
        if (!m.Request.HasFormContentType || m.Request.Query.ContainsKey("handler")
            || m.RouteData.Values["id"] is not string idText || !Guid.TryParse(idText, out var id)
            || m.RouteData.Values["year"] is not string yearText || !int.TryParse(yearText, System.Globalization.CultureInfo.InvariantCulture, out var year))
        {
            return;
        }
        var report = await db.AnnualReports.AsNoTracking().Where(r => r.EntryId == id && r.Year == year)
            .Select(r => new { r.Answers, r.FormEditionKey, r.Status }).SingleOrDefaultAsync(ct);
        if (report is null || report.Status is not (AnnualReportStatus.Draft or AnnualReportStatus.Returned)
            || !FormEditionCatalogue.Default.TryGet(report.FormEditionKey, out var form))
        {
            return;
        }
        var posted = m.Request.Form.Keys.ToDictionary(k => k, k => (string?)m.Request.Form[k].ToString());
        foreach (var error in Core.Applications.SectionSave.Check(report.Answers, form!, year + 1, null, posted))
        {
            context.AddFailure(error.Key, error.Message);
        }
    });
}
