using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmeZones.Core.Data;
using SmeZones.Core.Publication;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Public.Lists;

/// <summary>
/// The public page of one round's list (stable URL /Public/Lists/{campaignId}): the 公示 notice and list, objections
/// during the period, and the 认定名单 once certified. Nothing else of the applications is shown.
/// </summary>
[RequestSizeLimit(110L * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 110L * 1024 * 1024)]
public class RoundModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int CampaignId { get; set; }
    [BindProperty] public Guid? EntryId { get; set; }
    [BindProperty] public string? SubmitterName { get; set; }
    [BindProperty] public string? Contact { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public List<IFormFile> Files { get; set; } = [];

    public PublishedList List { get; private set; } = null!;
    public bool IsOpen { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var files = new List<UploadedFile>();
        foreach (var file in Files.Where(f => f.Length > 0).Take(Objections.MaxFiles + 1))
        {
            using var stream = new MemoryStream();
            await file.CopyToAsync(stream, ct);
            files.Add(new UploadedFile(file.FileName, stream.ToArray()));
        }
        var (objection, errors) = await Objections.LodgeAsync(db, CampaignId,
            new ObjectionInput(EntryId ?? Guid.Empty, SubmitterName, Contact, Text, files), clock.GetUtcNow(), ct);
        if (objection is null)
        {
            ModelState.AddErrors(errors);
            return Page();
        }
        TempData["Receipt"] = objection.ReceiptNumber;
        return RedirectToPage("/Public/Lists/Round", null, new { campaignId = CampaignId }, "receipt");
    }

    private async Task<bool> LoadAsync()
    {
        if (await PublishedLists.ForCampaignAsync(db, CampaignId) is not { } list)
        {
            return false;
        }
        List = list;
        IsOpen = Announcement.IsOpen(list.List, clock.GetUtcNow());
        return true;
    }
}

/// <summary>The objection form by Core's own field rules (<see cref="Objections.CheckFields"/>) and an entry chosen; the period, the entry's list and the files' content stay with <see cref="Objections.LodgeAsync"/>.</summary>
public class ObjectionFormValidator : AbstractValidator<RoundModel>
{
    public ObjectionFormValidator()
    {
        RuleFor(m => m.EntryId).NotNull().WithMessage("请选择提出异议的名单条目。");
        RuleFor(m => m).Custom((m, context) =>
        {
            foreach (var error in Objections.CheckFields(m.SubmitterName, m.Contact, m.Text, m.Files.Count(f => f.Length > 0)))
            {
                context.AddFailure(error.Key, error.Message);
            }
        });
    }
}
