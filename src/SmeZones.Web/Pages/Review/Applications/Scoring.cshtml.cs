using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using SmeZones.Core.Assessment;
using SmeZones.Core.Data;
using SmeZones.Core.Review;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Review.Applications;

/// <summary>
/// The viewer's stage's scoring of an application: points per dimension (zones) or pass/fail per dimension (clusters),
/// beside the portal's assessment. The rules are <see cref="ScoringRules"/>; storing is <see cref="ScoringStore"/>.
/// </summary>
public class ScoringModel(PortalDbContext db, TimeProvider clock) : ReviewedApplicationPage(db)
{
    // Named, so a map the form does not post stays empty: without a name the binder falls back to the empty prefix
    // and a dictionary then takes every posted field ("Version", "__RequestVerificationToken") as an entry.
    [BindProperty(Name = nameof(Points))] public Dictionary<string, string?> Points { get; set; } = [];
    [BindProperty(Name = nameof(Judgements))] public Dictionary<string, string?> Judgements { get; set; } = [];
    [BindProperty(Name = nameof(Comments))] public Dictionary<string, string?> Comments { get; set; } = [];

    /// <summary>The stage review's xmin as read, 0 while there is none.</summary>
    [BindProperty] public uint Version { get; set; }

    /// <summary>The three posted maps as Core reads them.</summary>
    public ScoringInput Input => new(Points, Judgements, Comments);

    public IReadOnlyList<ScoringDimension> Dimensions { get; private set; } = [];

    /// <summary>The pass rule applied to the stored points (zones, once every dimension has points).</summary>
    public ZoneScoreResult? Result { get; private set; }

    public ScoringKind Kind => Reviewed.Assessment is { } a ? ScoringRules.KindOf(a) : ScoringKind.Judgements;

    /// <summary>Whether the form is shown: the viewer may score now and there is something to score.</summary>
    public bool Editable => Reviewed is { Assessment: not null } && Reviewed.Position.Allows(ReviewAction.Score);

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
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await ScoringStore.SaveAsync(Db, Reviewed, Input, Version, User.ToActor(), clock.GetUtcNow(), HttpContext.RequestAborted);
        if (result.Status == ScoringSaveStatus.Saved)
        {
            TempData["Notice"] = "评分已保存。";
            return RedirectToPage(new { id });
        }
        ModelState.AddErrors(result.Errors, ScoringFields.InputFor);
        if (result.Status == ScoringSaveStatus.Conflict)
        {
            // What was typed stays on the page beside the latest saved scores; saving again is then a deliberate choice.
            await LoadAsync(id);
            Version = Reviewed.Review?.Version ?? 0;
        }
        return Page();
    }

    protected override Task OnLoadedAsync(Guid id, CancellationToken ct)
    {
        Dimensions = Reviewed.Assessment is { } assessment ? ScoringRules.Dimensions(assessment) : [];
        Result = Reviewed is { Assessment: { } a, Review: { } r } ? ScoringRules.Result(a, r.Points) : null;
        return Task.CompletedTask;
    }
}

/// <summary>
/// The posted sheet's shape by Core's rules (<see cref="ScoringRules.CheckShape"/>: points 0 to the dimension's maximum in
/// steps of 0.5, judgements pass or fail, comments within their length), each beside its input. Which dimensions must be
/// filled, and the comment a departure from the suggestion needs, stay with <see cref="ScoringRules.Validate"/>.
/// </summary>
public class ScoringValidator : AbstractValidator<ScoringModel>
{
    public ScoringValidator() =>
        RuleFor(m => m).Custom((m, context) => context.AddFailures(ScoringRules.CheckShape(m.Input), ScoringFields.InputFor));
}
