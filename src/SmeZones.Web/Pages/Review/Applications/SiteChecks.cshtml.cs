using FluentValidation;
using Microsoft.AspNetCore.Mvc;
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
public class SiteChecksModel(PortalDbContext db, TimeProvider clock, IConfiguration configuration) : ReviewedApplicationPage(db)
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
            var result = await SiteCheckStore.AddAsync(Db, Reviewed, new SiteCheckInput(CheckedOn, People, Findings), files,
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

    internal static string? InputFor(string key) => key switch
    {
        SiteCheckField.CheckedOn => nameof(CheckedOn),
        SiteCheckField.People => nameof(People),
        SiteCheckField.Findings => nameof(Findings),
        SiteCheckField.Attachments => AttachmentsField,
        _ => null,
    };

    protected override async Task OnLoadedAsync(Guid id, CancellationToken ct)
    {
        Checks = await SiteCheckStore.ListAsync(Db, id, ct);
        Limits = EvidenceLimits.From(configuration);
    }
}

/// <summary>
/// The posted check's fields, by Core's own rules (<see cref="SiteCheckRules.Validate"/>: date syntax and range against
/// today in Beijing, the two texts present and within their lengths), which need nothing loaded. The stage and the
/// attachments' content stay with <see cref="SiteCheckStore"/>.
/// </summary>
public class SiteChecksValidator : AbstractValidator<SiteChecksModel>
{
    public SiteChecksValidator()
    {
        RuleFor(m => m).Custom((m, context) =>
        {
            foreach (var error in SiteCheckRules.Validate(new SiteCheckInput(m.CheckedOn, m.People, m.Findings), m.Today).Errors)
            {
                context.AddFailure(SiteChecksModel.InputFor(error.Key) ?? "", error.Message);
            }
        });
    }
}
