using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmeZones.Core.Assessment;
using SmeZones.Core.Data;
using SmeZones.Core.Review;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Review.Applications;

/// <summary>
/// The viewer's stage's scoring of an application: points per dimension (zones) or pass/fail per dimension (clusters),
/// beside the portal's assessment. The rules are <see cref="ScoringRules"/>; storing is <see cref="ScoringStore"/>.
/// </summary>
public class ScoringModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public Dictionary<string, string?> Points { get; set; } = [];
    [BindProperty] public Dictionary<string, string?> Judgements { get; set; } = [];
    [BindProperty] public Dictionary<string, string?> Comments { get; set; } = [];

    /// <summary>The stage review's xmin as read, 0 while there is none.</summary>
    [BindProperty] public uint Version { get; set; }

    public ReviewedApplication Reviewed { get; private set; } = null!;
    public IReadOnlyList<ScoringDimension> Dimensions { get; private set; } = [];

    /// <summary>The pass rule applied to the stored points (zones, once every dimension has points).</summary>
    public ZoneScoreResult? Result { get; private set; }

    public ScoringKind Kind => Reviewed.Assessment is { } a ? ScoringRules.KindOf(a) : ScoringKind.Judgements;

    /// <summary>Whether the form is shown: the viewer may score now and there is something to score.</summary>
    public bool Editable => Reviewed is { Assessment: not null } && Reviewed.Position.Allows(ReviewAction.Score);

    public static string PointsField(string key) => $"Points[{key}]";
    public static string JudgementField(string key) => $"Judgements[{key}]";
    public static string CommentField(string key) => $"Comments[{key}]";

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var review = Reviewed.Review;
        Version = review?.Version ?? 0;
        foreach (var d in Dimensions)
        {
            Points[d.Key] = review?.Points.TryGetValue(d.Key, out var p) == true ? ScoringText.Number(p) : null;
            Judgements[d.Key] = review?.Judgements.GetValueOrDefault(d.Key);
            Comments[d.Key] = review?.Comments.GetValueOrDefault(d.Key);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var input = new ScoringInput(Points, Judgements, Comments);
        var result = await ScoringStore.SaveAsync(db, Reviewed, input, Version, User.ToActor(), clock.GetUtcNow(), HttpContext.RequestAborted);
        if (result.Status == ScoringSaveStatus.Saved)
        {
            TempData["Notice"] = "评分已保存。";
            return RedirectToPage(new { id });
        }
        ModelState.AddErrors(result.Errors, InputFor);
        if (result.Status == ScoringSaveStatus.Conflict)
        {
            // What was typed stays on the page beside the latest saved scores; saving again is then a deliberate choice.
            await LoadAsync(id);
            Version = Reviewed.Review?.Version ?? 0;
        }
        return Page();
    }

    private static string? InputFor(string key) =>
        key.Split(':', 2) switch
        {
            ["points", var dimension] => PointsField(dimension),
            ["judgement", var dimension] => JudgementField(dimension),
            ["comment", var dimension] => CommentField(dimension),
            _ => null,
        };

    private async Task<bool> LoadAsync(Guid id)
    {
        var reviewed = await ReviewedApplication.LoadAsync(db, User.ToViewer(), id, HttpContext.RequestAborted);
        if (reviewed is null)
        {
            return false;
        }
        Reviewed = reviewed;
        Dimensions = reviewed.Assessment is { } assessment ? ScoringRules.Dimensions(assessment) : [];
        Result = reviewed is { Assessment: { } a, Review: { } r } ? ScoringRules.Result(a, r.Points) : null;
        return true;
    }
}
