using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core;
using SmeZones.Core.Applications;
using SmeZones.Core.Data;
using SmeZones.Core.Forms;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Applications;

/// <summary>The check page: every section's answers, what is missing, which evidence is still needed; then submission.</summary>
public class SubmitModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public Application Application { get; private set; } = null!;
    public FormDefinition Definition { get; private set; } = null!;
    public FormAnswers Answers { get; private set; } = new();
    public IReadOnlyList<EvidenceSlot> MissingEvidence { get; private set; } = [];
    public SubmissionRefusal? Refusal { get; private set; }
    public ILookup<string, OperationError> ErrorsBySection { get; private set; } = Array.Empty<OperationError>().ToLookup(e => "");

    /// <summary>The 推荐汇总表 lines still to fill in or save (part of the check); empty for editions without the table.</summary>
    public IReadOnlyList<OperationError> SummaryErrors { get; private set; } = [];

    /// <summary>The 简介 the platform composes from the answers, shown (marked unsaved) while none is saved.</summary>
    public string? IntroDraft { get; private set; }

    /// <summary>Form problems and 汇总表 lines: the N of "还差 N 项".</summary>
    public int ProblemCount => (Refusal?.Errors.Count ?? 0);

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (Refusal is not null)
        {
            ModelState.AddModelError("", Refusal.Message);
            return Page();
        }
        Submission submission;
        try
        {
            submission = await ApplicationSubmission.SubmitAsync(db, Application, Definition, User.ToActor(), clock.GetUtcNow());
        }
        catch (DbUpdateException)
        {
            // Someone else changed or submitted it after this page was loaded; the version token caught it.
            ModelState.AddModelError("", "提交未成功：本申报刚被他人修改或已提交，请返回申报概览查看最新状态。");
            return Page();
        }
        TempData["Notice"] = $"已提交（电子版校验码 {SubmissionSnapshot.Fingerprint(submission.Sha256)}）。提交后不能修改，如需修改请联系审核单位退回。";
        return RedirectToPage("/Applications/Detail", new { id });
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var application = await db.Applications.FindVisibleAsync(User.ToViewer(), id);
        if (application is null || !FormEditionCatalogue.Default.TryGet(application.FormEditionKey, out var definition))
        {
            return false;
        }
        Application = application;
        Definition = definition!;
        Answers = new FormAnswers(application.Answers);
        var year = application.Campaign!.Year;
        var withFiles = await db.Evidence.Where(e => e.ApplicationId == id).Select(e => e.SlotKey).Distinct().ToListAsync();
        MissingEvidence = EvidenceSlots.Missing(EvidenceSlots.For(Definition, year), application.Answers, withFiles);
        Refusal = ApplicationSubmission.Check(application, Definition, MissingEvidence.Select(s => s.Title).ToList(), clock.GetUtcNow());
        var slotSections = FormAnswerKeys.For(Definition, year).ToDictionary(s => s.Key, s => s.SectionKey);
        var errors = Refusal?.Errors ?? [];
        SummaryErrors = errors.Where(e => e.Key is ApplicationSubmission.SummaryPartnersKey or ApplicationSubmission.SummaryIntroKey).ToList();
        ErrorsBySection = errors.Except(SummaryErrors).ToLookup(e => slotSections.GetValueOrDefault(e.Key, ""));
        if (Definition.Summary is not null && application.SummaryIntro is null)
        {
            IntroDraft = Core.Exports.SummaryIntroDraft.Compose(Definition, year, application, application.Answers);
        }
        return true;
    }
}
