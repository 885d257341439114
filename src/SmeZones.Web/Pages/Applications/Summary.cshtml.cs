using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmeZones.Core.Applications;
using SmeZones.Core.Audit;
using SmeZones.Core.Data;
using SmeZones.Core.Exports;
using SmeZones.Core.Forms;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Applications;

/// <summary>The applicant's lines for the 推荐汇总表: 重点合作国别（区域） and the 简介 (≤300 字), from a composed draft.</summary>
public class SummaryModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public SummaryForm Form { get; set; } = new();
    public Application Application { get; private set; } = null!;
    public FormDefinition Definition { get; private set; } = null!;
    public string Draft { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        Form = new SummaryForm { Partners = Application.SummaryPartners, Intro = Application.SummaryIntro ?? Draft };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (!Application.IsEditableByApplicant)
        {
            ModelState.AddModelError("", "该申报已提交，当前不能修改汇总表信息。");
            return Page();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        // The round sets the 简介's length (e.g. 300字以内); the validator only knows the column's.
        if (FormText.CountCharacters(Form.Intro!.Trim()) is var count && count > Application.Campaign!.IntroMaxChars)
        {
            ModelState.AddModelError("Form.Intro", $"简介不能超过{Application.Campaign.IntroMaxChars}字（当前{count}字）");
            return Page();
        }
        var now = clock.GetUtcNow();
        Application.SummaryPartners = Form.Partners?.Trim();
        Application.SummaryIntro = Form.Intro!.Trim();
        Application.UpdatedAt = now;
        db.Record(User.ToActor(), "SummarySaved", nameof(Application), Application.Id.ToString(), "保存汇总表信息",
            new { Application.SummaryPartners, Application.SummaryIntro });
        await db.SaveChangesAsync();
        TempData["Notice"] = "已保存汇总表信息。";
        return RedirectToPage("/Applications/Detail", new { id });
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var application = await db.Applications.FindVisibleAsync(User.ToViewer(), id);
        if (application is null || !FormEditionCatalogue.Default.TryGet(application.FormEditionKey, out var definition) || definition!.Summary is null)
        {
            return false;
        }
        Application = application;
        Definition = definition;
        Draft = SummaryIntroDraft.Compose(definition, application.Campaign!.Year, application, application.Answers);
        return true;
    }
}

public class SummaryForm
{
    public string? Partners { get; set; }
    public string? Intro { get; set; }
}

public class SummaryFormValidator : AbstractValidator<SummaryForm>
{
    /// <summary>What the column holds; the round's own, usually shorter, limit (Campaign.IntroMaxChars) is the page's check.</summary>
    public const int IntroColumnChars = 1000;

    public SummaryFormValidator()
    {
        RuleFor(f => f.Partners).Must(p => p is null || FormText.CountCharacters(p.Trim()) <= 100)
            .WithMessage(f => $"重点合作国别（区域）不能超过100字（当前{FormText.CountCharacters(f.Partners!.Trim())}字）");
        // The length rule alone is conditional: a When over the whole chain also skipped NotEmpty, and an empty 简介 then
        // reached the save as null (a 500).
        RuleFor(f => f.Intro).NotEmpty().WithMessage("请填写简介；无相关情况时填写“无”")
            .Must(i => FormText.CountCharacters(i!.Trim()) <= IntroColumnChars).When(f => !string.IsNullOrWhiteSpace(f.Intro), ApplyConditionTo.CurrentValidator)
            .WithMessage(f => $"简介不能超过{IntroColumnChars}字（当前{FormText.CountCharacters(f.Intro!.Trim())}字）");
    }
}
