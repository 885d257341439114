using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core;
using SmeZones.Core.Applications;
using SmeZones.Core.Data;
using SmeZones.Core.ExpertReview;
using SmeZones.Core.Review;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Experts;

/// <summary>
/// One review task: confirm no conflict or declare 回避; then the application read-only (answers as submitted, the
/// engine's assessment, evidence) and the score sheet. Another expert's task, a reserve's or a recusal's is 404.
/// </summary>
public class ReviewModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    // Named, so a map the form does not post stays empty (see ScoringModel: unnamed, a dictionary takes every field).
    [BindProperty(Name = nameof(Points))] public Dictionary<string, string?> Points { get; set; } = [];
    [BindProperty(Name = nameof(Judgements))] public Dictionary<string, string?> Judgements { get; set; } = [];
    [BindProperty(Name = nameof(Comments))] public Dictionary<string, string?> Comments { get; set; } = [];
    [BindProperty] public string? Opinion { get; set; }
    [BindProperty] public bool Abstain { get; set; }
    [BindProperty] public string? AbstainReason { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public ExpertCase Case { get; private set; } = null!;
    public IReadOnlyList<ScoringDimension> Dimensions { get; private set; } = [];
    public IReadOnlyList<AnsweredSection> Sections { get; private set; } = [];
    public IReadOnlyList<EvidenceListItem> Evidence { get; private set; } = [];
    public IReadOnlyList<ExpertAssignment> OthersVisible { get; private set; } = [];
    public bool OthersHidden { get; private set; }
    public ExpertAssignment Assignment => Case.Assignment;
    public bool Zone => Case.Assessment is { } a && ScoringRules.KindOf(a) == ScoringKind.Points;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        Points = Assignment.Points.ToDictionary(p => p.Key, p => (string?)ScoringText.Number(p.Value));
        Judgements = Assignment.Judgements.ToDictionary(p => p.Key, p => (string?)p.Value);
        Comments = Assignment.Comments.ToDictionary(p => p.Key, p => (string?)p.Value);
        Opinion = Assignment.Opinion;
        return Page();
    }

    public Task<IActionResult> OnPostConfirmAsync(Guid id) =>
        StepAsync(id, a => ExpertPanel.ConfirmNoConflictAsync(db, a, User.ToActor(), clock.GetUtcNow()), "已确认无利益冲突，可以查看申报材料并评分。");

    public Task<IActionResult> OnPostRecuseAsync(Guid id) =>
        StepAsync(id, a => ExpertPanel.RecuseAsync(db, a, Reason, User.ToActor(), clock.GetUtcNow()), "已申请回避，该任务已从您的列表中移除。", toList: true);

    /// <summary>The posted sheet as Core reads it.</summary>
    public SheetInput Sheet => new(new ScoringInput(Points, Judgements, Comments), Opinion, Abstain, AbstainReason);

    public Task<IActionResult> OnPostSubmitAsync(Guid id) =>
        StepAsync(id, a => Case.Assessment is { } assessment
                ? ExpertSheets.SubmitAsync(db, a, assessment, Sheet, User.ToActor(), clock.GetUtcNow())
                : Task.FromResult<IReadOnlyList<OperationError>>([OperationError.ForRequest("该申报尚无可评审的提交内容。")]),
            Abstain ? "已弃权。" : "评分表已提交并锁定。");

    private async Task<IActionResult> StepAsync(Guid id, Func<ExpertAssignment, Task<IReadOnlyList<OperationError>>> step, string done, bool toList = false)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var errors = await step(Assignment);
        if (errors.Count == 0)
        {
            TempData["Notice"] = done;
            return toList ? RedirectToPage("/Experts/Index") : RedirectToPage(new { id });
        }
        ModelState.AddErrors(errors, InputFor);
        return Page();
    }

    /// <summary>The input a Core error of the panel or the sheet belongs beside.</summary>
    public static string? InputFor(string errorKey) => ScoringFields.InputFor(errorKey) ?? errorKey switch
    {
        ExpertPanel.ReasonField => nameof(Reason),
        ExpertSheets.OpinionField => nameof(Opinion),
        ExpertSheets.AbstainField => nameof(AbstainReason),
        _ => null,
    };

    private async Task<bool> LoadAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        var assignment = await ExpertAccess.FindAsync(db, User.ToViewer(), id, ct);
        if (assignment is null)
        {
            return false;
        }
        Case = await ExpertAccess.LoadCaseAsync(db, assignment, ct);
        if (assignment.Status != AssignmentStatus.Confirmed)
        {
            return true; // Nothing of the application's content before the expert confirms.
        }
        if (Case is { Snapshot: { } snapshot, Assessment: { } assessment })
        {
            Sections = SubmittedAnswers.BySection(snapshot.Definition, snapshot.RoundYear, Case.Answers);
            Dimensions = ScoringRules.Dimensions(assessment);
        }
        Evidence = await EvidenceStore.ListAsync(db, assignment.ApplicationId, ct);
        var settings = await ExpertPool.SettingsAsync(db, assignment.CampaignId, ct);
        var group = await db.ExpertAssignments.AsNoTracking().Where(a => a.ApplicationId == assignment.ApplicationId).ToListAsync(ct);
        OthersVisible = ExpertSheets.OthersVisibleTo(assignment, group, settings);
        OthersHidden = settings.HideScoresUntilSubmitted && assignment.SubmittedAt is null;
        return true;
    }
}

/// <summary>
/// What the task's forms post, by Core's rules before anything is loaded: the sheet's shape and lengths
/// (<see cref="ExpertSheets.CheckShape"/>) and the 回避理由's length (<see cref="ExpertPanel.ReasonTooLong"/>), each
/// beside its input. Whether a text is required, and which dimensions must be filled, stay with <see cref="ExpertSheets"/>
/// and <see cref="ExpertPanel"/>, which know the assignment.
/// </summary>
public class ReviewValidator : AbstractValidator<ReviewModel>
{
    public ReviewValidator() =>
        RuleFor(m => m).Custom((m, context) =>
        {
            context.AddFailures(ExpertSheets.CheckShape(m.Sheet), ReviewModel.InputFor);
            if (ExpertPanel.ReasonTooLong(m.Reason?.Trim(), "回避理由") is { } reason)
            {
                context.AddFailures([reason], ReviewModel.InputFor);
            }
        });
}
