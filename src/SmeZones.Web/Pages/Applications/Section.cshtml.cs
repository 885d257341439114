using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Data;
using SmeZones.Core.Forms;
using SmeZones.Core.Assessment;
using SmeZones.Web.Infrastructure;
using SmeZones.Web.Pages.Applications.Form;

namespace SmeZones.Web.Pages.Applications;

/// <summary>One section of any edition's form: shows it, saves it (with or without JavaScript), refuses stale saves.</summary>
public class SectionModel(PortalDbContext db, TimeProvider clock, DraftSelfCheck drafts) : PageModel
{
    /// <summary>The editor's form; the section list's buttons submit it (<c>go</c>) to save before leaving.</summary>
    public const string FormId = "section-form";

    [BindProperty] public uint Version { get; set; }

    public Application Application { get; private set; } = null!;
    public FormDefinition Definition { get; private set; } = null!;
    public FormView View { get; private set; } = null!;
    public string SectionKey { get; private set; } = "";
    public IReadOnlyList<SectionProgress> Progress { get; private set; } = [];
    public bool Conflict { get; private set; }

    /// <summary>The self-check: the round's criteria applied to the saved draft; advice only, never blocking a save.</summary>
    public Core.Assessment.Assessment? SelfCheck { get; private set; }

    /// <summary>The application as loaded, with the settings its self-check is made with.</summary>
    private DraftForPage _draft = null!;

    public string Heading => Progress.Single(p => p.Key == SectionKey).Heading;
    public string? NextSection =>
        SectionProgressReport.Headings(Definition).SkipWhile(h => h.Key != SectionKey).Skip(1).Select(h => h.Key).FirstOrDefault();

    public async Task<IActionResult> OnGetAsync(Guid id, string section)
    {
        if (!await LoadAsync(id, section))
        {
            return NotFound();
        }
        Version = Application.Version;
        var saved = new FormAnswers(Application.Answers);
        var shown = Application.IsEditableByApplicant ? RepeatedFields.Prefill(Definition, Application.Campaign!.Year, saved, SectionKey) : saved;
        Show(shown, asSaved: ReferenceEquals(shown, saved));
        return Page();
    }

    /// <summary>The section the list's button asked for; only a heading of this form is followed, anything else is ignored.</summary>
    [BindProperty(Name = "go")] public string? Go { get; set; }

    public async Task<IActionResult> OnPostAsync(Guid id, string section, string? next)
    {
        var go = Go;
        if (!await LoadAsync(id, section))
        {
            return NotFound();
        }
        var outcome = await SaveAsync();
        if (outcome is null || outcome.HasErrors)
        {
            return Page();
        }
        // Going to another section through the list saves first; it only speaks up when something was saved.
        var leaving = go is not null && go != SectionKey && SectionProgressReport.Headings(Definition).Any(h => h.Key == go);
        if (outcome.ChangedKeys.Count > 0 || !leaving)
        {
            TempData["Notice"] = outcome.ChangedKeys.Count == 0 ? "没有需要保存的修改。" : $"已保存（{outcome.ChangedKeys.Count} 项）。";
        }
        var target = leaving ? go! : next == "continue" && NextSection is not null ? NextSection : SectionKey;
        return RedirectToPage("/Applications/Section", new { id, section = target });
    }

    /// <summary>The JavaScript autosave: the same save, answered as JSON.</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(Guid id, string section)
    {
        if (!await LoadAsync(id, section))
        {
            return NotFound();
        }
        var outcome = await SaveAsync();
        return new JsonResult(new
        {
            saved = outcome is not null,
            conflict = Conflict,
            version = Application.Version,
            savedAt = Core.Campaigns.ChinaTime.Format(clock.GetUtcNow()),
            errors = ModelState.Where(e => e.Key.Length > 0 && e.Value!.Errors.Count > 0).Select(e => new { key = e.Key, message = e.Value!.Errors[0].ErrorMessage }),
        });
    }

    /// <summary>Null when nothing could be saved (not editable, or someone else saved first).</summary>
    private async Task<SectionSaveResult?> SaveAsync()
    {
        var posted = Request.Form.Keys.ToDictionary(k => k, k => (string?)Request.Form[k].ToString());
        if (!Application.IsEditableByApplicant)
        {
            ModelState.AddModelError("", "该申报已提交，当前不能修改。");
            Show(new FormAnswers(Application.Answers));
            return null;
        }
        if (Version != Application.Version)
        {
            return RefuseAsConflict(posted);
        }

        db.Entry(Application).Property(a => a.Version).OriginalValue = Version;
        var result = SectionSave.Apply(db, Application, Definition, Application.Campaign!.Year, SectionKey, posted, User.ToActor(), clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: show what they saved, not our unsaved copy.
            db.ChangeTracker.Clear();
            _draft = (await DraftRead.FindVisibleForSaveAsync(db, User.ToViewer(), Application.Id))!;
            Application = _draft.Application;
            return RefuseAsConflict(posted);
        }

        Version = Application.Version;
        if (result.HasErrors)
        {
            // The validator has put the same refusals beside their fields (SectionSave.Check); add only any it could not.
            ModelState.AddErrors(result.Errors.Where(e => ModelState.GetFieldValidationState(e.Key) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid));
            ModelState.AddModelError("", $"以下 {result.Errors.Count} 处未保存，请修改后再保存；本节其他内容已保存。");
            // Only a page shown again needs the view; a clean save redirects.
            Show(Overlay(new FormAnswers(Application.Answers), posted, result.Errors.Select(e => e.Key)));
        }
        return result;
    }

    private SectionSaveResult? RefuseAsConflict(Dictionary<string, string?> posted)
    {
        Conflict = true;
        ModelState.AddModelError("", SectionSave.ConflictMessage + "您输入的内容仍在页面上，请与最新内容核对后再保存。");
        // What they typed stays on the page beside the latest saved values; the version moves on, so saving again
        // after reconciling is a deliberate choice, checked against the latest.
        Version = Application.Version;
        Show(Overlay(new FormAnswers(), posted, posted.Keys), latest: new FormAnswers(Application.Answers));
        return null;
    }

    private static FormAnswers Overlay(FormAnswers saved, Dictionary<string, string?> posted, IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            saved.Set(key, posted.GetValueOrDefault(key));
        }
        return saved;
    }

    /// <param name="asSaved">The saved answers as they are (nothing prefilled, nothing posted): their figures are already computed.</param>
    private void Show(FormAnswers values, FormAnswers? latest = null, bool asSaved = false)
    {
        // Both from the answers as saved (after this request's save, if any): the cache key is the new row version.
        var derived = drafts.For(_draft, Definition);
        (Progress, SelfCheck) = (derived.Progress, derived.SelfCheck);
        View = new FormView(Definition, Application.Campaign!.Year, values, ModelState, readOnly: !Application.IsEditableByApplicant, latest,
            asSaved ? derived.Suggestions : null);
    }

    private async Task<bool> LoadAsync(Guid id, string section)
    {
        var draft = await FindDraftAsync(HttpContext, db, id);
        if (draft is null || !FormEditionCatalogue.Default.TryGet(draft.Application.FormEditionKey, out var definition))
        {
            return false;
        }
        _draft = draft;
        Application = draft.Application;
        Definition = definition!;
        SectionKey = section;
        return SectionProgressReport.Headings(Definition).Any(h => h.Key == section);
    }

    /// <summary>
    /// The draft for this request, read once: a POST's validator and its handler share it (the same request's
    /// context, tracked), so a save does not read the application twice. A GET only shows it, untracked.
    /// </summary>
    internal static async Task<DraftForPage?> FindDraftAsync(HttpContext http, PortalDbContext db, Guid id)
    {
        if (http.Items[typeof(DraftForPage)] is DraftForPage known && known.Application.Id == id)
        {
            return known;
        }
        var draft = HttpMethods.IsGet(http.Request.Method)
            ? await DraftRead.FindVisibleAsync(db, http.User.ToViewer(), id, http.RequestAborted)
            : await DraftRead.FindVisibleForSaveAsync(db, http.User.ToViewer(), id, http.RequestAborted);
        http.Items[typeof(DraftForPage)] = draft;
        return draft;
    }
}

/// <summary>
/// The section's posted answers by the edition's own rules: the forms engine through <see cref="SectionSave.Check"/>,
/// each message keyed by its answer key, beside its field. The handler still saves the answers that pass (a section
/// saves what it can, ADR 0004), so a refusal here never loses what was typed. A draft that cannot be edited, or a
/// stale version, is the handler's to answer: nothing is checked for it here.
/// </summary>
public class SectionValidator : AbstractValidator<SectionModel>
{
    public SectionValidator(PortalDbContext db) => RuleFor(m => m).CustomAsync(async (m, context, ct) =>
    {
        if (!m.Request.HasFormContentType || m.RouteData.Values["id"] is not string idText || !Guid.TryParse(idText, out var id)
            || m.RouteData.Values["section"] is not string section)
        {
            return;
        }
        var application = (await SectionModel.FindDraftAsync(m.HttpContext, db, id))?.Application;
        if (application is not { IsEditableByApplicant: true } || application.Version != m.Version
            || !FormEditionCatalogue.Default.TryGet(application.FormEditionKey, out var definition)
            || SectionProgressReport.Headings(definition!).All(h => h.Key != section))
        {
            return;
        }
        var posted = m.Request.Form.Keys.ToDictionary(k => k, k => (string?)m.Request.Form[k].ToString());
        foreach (var error in SectionSave.Check(application, definition!, application.Campaign!.Year, section, posted))
        {
            context.AddFailure(error.Key, error.Message);
        }
    });
}
