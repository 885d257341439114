using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmeZones.Core.Applications;
using SmeZones.Core.Data;
using SmeZones.Core.Forms;
using SmeZones.Core.Review;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Review.Applications;

/// <summary>退回修改: the reviewer's comments per section and in general; the rules live in <see cref="ReviewWorkflow"/>.</summary>
public class ReturnModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>
    /// Section key → comment, posted as Comments[key]. Read from the form by the sections' keys rather than model-bound:
    /// a post without any Comments[…] field would otherwise bind every form field into the dictionary.
    /// </summary>
    public Dictionary<string, string?> Comments { get; private set; } = [];
    [BindProperty] public string? General { get; set; }

    public Application Application { get; private set; } = null!;
    public IReadOnlyList<(string Key, string Heading)> Sections { get; private set; } = [];
    public StagePosition Position { get; private set; } = null!;

    public static string CommentField(string sectionKey) => $"{nameof(Comments)}[{sectionKey}]";

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        Comments = Sections.ToDictionary(s => s.Key, s => (string?)Request.Form[CommentField(s.Key)].ToString(), StringComparer.Ordinal);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var definition = FormEditionCatalogue.Default.Get(Application.FormEditionKey);
        var outcome = await ReviewWorkflow.ReturnAsync(db, Position, definition, User.ToActor(),
            new RevisionInput(Comments, General), clock.GetUtcNow());
        if (outcome.Succeeded)
        {
            TempData["Notice"] = $"已退回 {Application.Number}，申报单位修改后重新提交，将回到本级审核。";
            return RedirectToPage("/Review/Applications/Detail", new { id });
        }
        ModelState.AddErrors(outcome.Errors, InputFor);
        // A refusal from the database clears the tracked entities: show the application as it now stands.
        await LoadAsync(id);
        return Page();
    }

    private string? InputFor(string key) =>
        key == ReviewWorkflow.GeneralField ? nameof(General)
        : Sections.Select(s => s.Key).FirstOrDefault(k => ReviewWorkflow.SectionField(k) == key) is { } section ? CommentField(section)
        : null;

    private async Task<bool> LoadAsync(Guid id)
    {
        var application = await db.Applications.FindVisibleAsync(User.ToViewer(), id);
        if (application is null || !FormEditionCatalogue.Default.TryGet(application.FormEditionKey, out var definition))
        {
            return false;
        }
        Application = application;
        Sections = SectionProgressReport.Headings(definition!);
        Position = await StagePosition.LoadAsync(db, application, User.ToViewer());
        return true;
    }
}

/// <summary>
/// The shape of a return: the general comment within the length Core stores. The per-section comments are read by the
/// sections' keys, which come from the application's form edition (loaded state), so their length stays with
/// <see cref="ReviewWorkflow.ReturnAsync"/>, as does "at least one comment".
/// </summary>
public class ReturnValidator : AbstractValidator<ReturnModel>
{
    public ReturnValidator()
    {
        RuleFor(m => m.General).Must(g => g is not { Length: > ReviewWorkflow.MaxTextLength })
            .WithMessage(m => $"总体意见不能超过 {ReviewWorkflow.MaxTextLength} 字（现有 {m.General!.Length} 字）。");
    }
}
