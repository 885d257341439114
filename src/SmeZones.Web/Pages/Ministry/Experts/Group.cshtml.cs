using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core;
using SmeZones.Core.Applications;
using SmeZones.Core.Data;
using SmeZones.Core.ExpertReview;
using SmeZones.Core.Exports;
using SmeZones.Web.Infrastructure;
using AssessmentResult = SmeZones.Core.Assessment.Assessment;

namespace SmeZones.Web.Pages.Ministry.Experts;

/// <summary>One application's review group: draw with a seed, assign by hand (a conflict only with a reason), remove, reopen a sheet.</summary>
public class GroupModel(PortalDbContext db, IPdfRenderer pdf, ApplicationPrintHtml printHtml, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Field { get; set; }
    [BindProperty] public string? Seed { get; set; }
    [BindProperty] public Guid? ExpertId { get; set; }
    [BindProperty] public bool AsReserve { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public Guid? AssignmentId { get; set; }

    public Application Application { get; private set; } = null!;
    public AssessmentResult? Assessment { get; private set; }
    public ExpertReviewSettings Settings { get; private set; } = null!;
    public IReadOnlyList<ExpertAssignment> Group { get; private set; } = [];
    public IReadOnlyList<ExpertDraw> Draws { get; private set; } = [];
    public IReadOnlyDictionary<Guid, ExpertCandidate> Experts { get; private set; } = new Dictionary<Guid, ExpertCandidate>();
    public ExpertAggregate Aggregate { get; private set; } = null!;

    /// <summary>Which form an error belongs to, so it is shown beside that form's inputs.</summary>
    public string? FailedForm { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostDrawAsync(Guid id) => StepAsync(id, "draw", async () =>
    {
        var seed = GroupValidator.ParseSeed(Seed);
        var (draw, errors) = await ExpertPanel.DrawAsync(db, Application, Field, seed, User.ToActor(), clock.GetUtcNow(), HttpContext.RequestAborted);
        if (draw is not null)
        {
            TempData["Notice"] = $"已随机抽取 {draw.Members} 名专家、{draw.Reserves} 名候补（随机种子 {draw.Seed}）。";
        }
        return errors;
    });

    public Task<IActionResult> OnPostAssignAsync(Guid id) => StepAsync(id, "assign", () =>
        ExpertId is { } expertId
            ? ExpertPanel.AssignAsync(db, Application, expertId, AsReserve, Reason, User.ToActor(), clock.GetUtcNow(), HttpContext.RequestAborted)
            : Task.FromResult<IReadOnlyList<OperationError>>([new OperationError(ExpertPanel.ExpertField, "请选择专家")]));

    public Task<IActionResult> OnPostRemoveAsync(Guid id) => StepAsync(id, "remove", async () =>
        await TrackedAsync(id) is { } assignment
            ? await ExpertPanel.RemoveAsync(db, assignment, Reason, User.ToActor(), clock.GetUtcNow(), HttpContext.RequestAborted)
            : [OperationError.ForRequest("评审组中没有该专家。")]);

    public Task<IActionResult> OnPostReopenAsync(Guid id) => StepAsync(id, "reopen", async () =>
        await TrackedAsync(id) is { } assignment
            ? await ExpertSheets.ReopenAsync(db, assignment, Reason, User.ToActor(), clock.GetUtcNow(), HttpContext.RequestAborted)
            : [OperationError.ForRequest("评审组中没有该专家。")]);

    public Task<IActionResult> OnGetXlsxAsync(Guid id) => DownloadAsync(id, () => SheetDownloads.XlsxAsync(this, db, Application.CampaignId, id));

    public Task<IActionResult> OnGetPdfAsync(Guid id) => DownloadAsync(id, () => SheetDownloads.PdfAsync(this, db, pdf, printHtml, Application.CampaignId, id));

    private async Task<IActionResult> DownloadAsync(Guid id, Func<Task<IActionResult>> download) => await LoadAsync(id) ? await download() : NotFound();

    private Task<ExpertAssignment?> TrackedAsync(Guid id) =>
        db.ExpertAssignments.SingleOrDefaultAsync(a => a.Id == AssignmentId && a.ApplicationId == id, HttpContext.RequestAborted);

    private async Task<IActionResult> StepAsync(Guid id, string form, Func<Task<IReadOnlyList<OperationError>>> step)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            FailedForm = form;
            return Page();
        }
        var errors = await step();
        if (errors.Count == 0)
        {
            TempData["Notice"] ??= "已保存。";
            return RedirectToPage(new { id });
        }
        FailedForm = form;
        ModelState.AddErrors(errors, key => key switch
        {
            ExpertPanel.ReasonField => form + "-" + nameof(Reason),
            ExpertPanel.ExpertField => nameof(ExpertId),
            "seed" => nameof(Seed),
            "field" => nameof(Field),
            _ => null,
        });
        await LoadAsync(id);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        var application = await db.Applications.AsNoTracking().Include(a => a.Campaign).ThenInclude(c => c!.Stages).Include(a => a.Organisation)
            .SingleOrDefaultAsync(a => a.Id == id, ct);
        // Only applications at the ministry's stage have a review group.
        if (application is null || application.ReachedStageOrder < ExpertPool.MinistryStageOrder(application.Campaign!))
        {
            return false;
        }
        Application = application;
        Settings = await ExpertPool.SettingsAsync(db, application.CampaignId, ct);
        Group = await db.ExpertAssignments.AsNoTracking().Where(a => a.ApplicationId == id).OrderBy(a => a.IsReserve).ThenBy(a => a.Position).ToListAsync(ct);
        Draws = await db.ExpertDraws.AsNoTracking().Where(d => d.ApplicationId == id).OrderBy(d => d.DrawnAt).ToListAsync(ct);
        Experts = (await ExpertPool.AllAsync(db, ct)).ToDictionary(e => e.UserId);
        Assessment = (await ExpertPool.SignOffsAsync(db, [id], ct)).GetValueOrDefault(id)?.Assessment;
        Aggregate = ExpertAggregate.Of(Group, Assessment, Settings);
        return true;
    }

    public string NameOf(Guid expertId) => Experts.GetValueOrDefault(expertId)?.DisplayName ?? "（专家）";

    public IReadOnlyList<string> ConflictsOf(Guid expertId) =>
        Experts.GetValueOrDefault(expertId) is { } e ? ExpertConflicts.Of(e, Application) : [];
}

/// <summary>
/// What the group's forms post, by itself: a seed that is a non-negative whole number, a field and a reason within
/// Core's lengths. The reason is keyed per form ("remove-Reason"), as the page shows it beside the form that posted it.
/// Whether a reason is required, and everything about the experts, is <see cref="ExpertPanel"/>'s.
/// </summary>
public class GroupValidator : AbstractValidator<GroupModel>
{
    public GroupValidator()
    {
        RuleFor(m => m.Seed).Must(s => string.IsNullOrWhiteSpace(s) || ParseSeed(s) is not null)
            .WithMessage("随机种子须为非负整数；留空则由系统生成");
        RuleFor(m => m.Field).MaximumLength(ExpertPool.MaxFieldLength).WithMessage($"专业领域不超过 {ExpertPool.MaxFieldLength} 字");
        RuleFor(m => m).Custom((m, context) =>
        {
            if (m.Reason is { Length: > ExpertPanel.MaxReasonLength })
            {
                var form = (m.HttpContext.GetRouteValue("handler") as string ?? m.Request.Query["handler"].ToString()).ToLowerInvariant();
                context.AddFailure($"{form}-{nameof(GroupModel.Reason)}", $"理由不能超过 {ExpertPanel.MaxReasonLength} 字（现有 {m.Reason.Length} 字）。");
            }
        });
    }

    public static long? ParseSeed(string? text) =>
        long.TryParse(text?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seed) ? seed : null;
}
