using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmeZones.Core.Applications;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Review;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Review.Applications;

/// <summary>
/// 实地抽查 of an application: the records so far, and a form for the reviewer whose stage it waits at. The rules
/// (fields, attachment types and limits, audit) are in <see cref="SiteCheckRules"/> and <see cref="SiteCheckStore"/>.
/// </summary>
// As for evidence: the default body limit would refuse two 20 MB photos; larger posts get 413 before this page runs.
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public class SiteChecksModel(PortalDbContext db, TimeProvider clock, IConfiguration configuration) : PageModel
{
    public const long MaxRequestBytes = 100L * 1024 * 1024;

    /// <summary>
    /// The ModelState key (and so the id) of the file input: the name the files are posted under. ModelState keys ignore
    /// case and the binder has already entered this one, so a message added as "Attachments" would be listed under it anyway.
    /// </summary>
    public const string AttachmentsField = "attachments";

    [BindProperty] public string? CheckedOn { get; set; }
    [BindProperty] public string? People { get; set; }
    [BindProperty] public string? Findings { get; set; }

    public ReviewedApplication Reviewed { get; private set; } = null!;
    public IReadOnlyList<SiteCheckListItem> Checks { get; private set; } = [];
    public EvidenceLimits Limits { get; private set; } = new();

    /// <summary>Today in Beijing, the latest date a check can have.</summary>
    public DateOnly Today => DateOnly.FromDateTime(ChinaTime.ToChina(clock.GetUtcNow()).DateTime);

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, [FromForm(Name = AttachmentsField)] List<IFormFile> attachments)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (Reviewed.Position.RefusalFor(ReviewAction.SiteCheck) is { } refusal)
        {
            ModelState.AddModelError("", refusal);
            return Page();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var files = attachments.Select(f => new SiteCheckFile(f.FileName, f.OpenReadStream())).ToList();
        try
        {
            var result = await SiteCheckStore.AddAsync(db, Reviewed, new SiteCheckInput(CheckedOn, People, Findings), files,
                User.ToActor(), clock.GetUtcNow(), Limits, HttpContext.RequestAborted);
            if (result.Succeeded)
            {
                TempData["Notice"] = $"已记录实地抽查（{result.Check!.CheckedOn:yyyy-MM-dd}），附件 {result.Check.Attachments.Count} 个。";
                return RedirectToPage(new { id });
            }
            ModelState.AddErrors(result.Errors, InputFor);
            return Page();
        }
        finally
        {
            foreach (var file in files)
            {
                await file.Content.DisposeAsync();
            }
        }
    }

    private static string? InputFor(string key) => key switch
    {
        SiteCheckField.CheckedOn => nameof(CheckedOn),
        SiteCheckField.People => nameof(People),
        SiteCheckField.Findings => nameof(Findings),
        SiteCheckField.Attachments => AttachmentsField,
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
        Checks = await SiteCheckStore.ListAsync(db, id, HttpContext.RequestAborted);
        Limits = EvidenceLimits.From(configuration);
        return true;
    }
}

/// <summary>
/// The shape of a posted check: a date written as 年-月-日 and the two texts present and within their lengths. Whether the
/// date is after today or too early, and the attachments' content, stay with <see cref="SiteCheckRules"/> and
/// <see cref="SiteCheckStore"/>.
/// </summary>
public class SiteChecksValidator : AbstractValidator<SiteChecksModel>
{
    public SiteChecksValidator()
    {
        RuleFor(m => m.CheckedOn).NotEmpty().WithMessage("请填写抽查日期")
            .Must(d => DateOnly.TryParseExact(d!.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            .When(m => !string.IsNullOrWhiteSpace(m.CheckedOn), ApplyConditionTo.CurrentValidator)
            .WithMessage("抽查日期格式不正确，请按“年-月-日”填写，例如 2026-08-01");
        Text(m => m.People, "抽查人员", SiteCheckRules.MaxPeople);
        Text(m => m.Findings, "抽查情况", SiteCheckRules.MaxFindings);
    }

    private void Text(System.Linq.Expressions.Expression<Func<SiteChecksModel, string?>> field, string name, int max)
    {
        var read = field.Compile();
        RuleFor(field).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage($"请填写{name}")
            .Must(t => t!.Trim().Length <= max).When(m => !string.IsNullOrWhiteSpace(read(m)), ApplyConditionTo.CurrentValidator)
            .WithMessage(m => $"{name}不能超过 {max} 个字（现有 {read(m)!.Trim().Length} 个字）");
    }
}
