using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Data;
using SmeZones.Core.Forms;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Applications;

/// <summary>
/// The 佐证材料 of one application: a list and an upload form per slot the edition asks for, delete while editable.
/// The rules (types, limits, locking, audit) are in <see cref="EvidenceStore"/>; this page only carries posts to it.
/// </summary>
// Kestrel's default body limit (~28.6 MB) would refuse two 20 MB files; a post may carry a few of them. Larger posts
// get 413 from the server before this page runs; the total per application is EvidenceStore's business.
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public class EvidenceModel(PortalDbContext db, TimeProvider clock, IConfiguration configuration) : PageModel
{
    public const long MaxRequestBytes = 100L * 1024 * 1024;

    /// <summary>The slot an upload is for, and its files (the names the slot's form posts).</summary>
    [BindProperty] public string? Slot { get; set; }
    [BindProperty(Name = "files")] public List<IFormFile> Uploads { get; set; } = [];

    /// <summary>The file a delete is for.</summary>
    [BindProperty] public Guid? EvidenceId { get; set; }

    public Application Application { get; private set; } = null!;
    public IReadOnlyList<EvidenceSlot> Slots { get; private set; } = [];
    public ILookup<string, EvidenceListItem> Files { get; private set; } = Array.Empty<EvidenceListItem>().ToLookup(f => f.Evidence.SlotKey);
    public EvidenceLimits Limits { get; private set; } = new();

    /// <summary>Files stored by this post while others in it were refused; shown beside the errors.</summary>
    public IReadOnlyList<string> Saved { get; private set; } = [];

    public long TotalBytes => Files.SelectMany(g => g).Sum(f => f.Evidence.SizeBytes);

    /// <summary>The ModelState key of a slot's upload control, which <see cref="FieldIds"/> turns into its id.</summary>
    public static string SlotField(string slotKey) => "slot-" + slotKey;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        await LoadFilesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid id)
    {
        var (slot, files) = (Slot, Uploads);
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (Slots.All(s => s.Key != slot))
        {
            return BadRequest();
        }
        if (!Application.IsEditableByApplicant)
        {
            return await RefusedAsync();
        }
        var field = SlotField(slot!);
        if (!ModelState.IsValid)
        {
            await LoadFilesAsync();
            return Page();
        }
        var saved = new List<string>();
        foreach (var file in files)
        {
            await using var stream = file.OpenReadStream();
            var result = await EvidenceStore.AddAsync(db, Application, slot!, file.FileName, stream, User.ToActor(), clock.GetUtcNow(), Limits, HttpContext.RequestAborted);
            if (result.Succeeded)
            {
                saved.Add(result.Evidence!.FileName);
            }
            else
            {
                ModelState.AddModelError(field, $"{EvidenceFileNames.Clean(file.FileName)}：{result.Error}");
            }
        }
        if (ModelState.ErrorCount == 0)
        {
            TempData["Notice"] = $"已上传 {saved.Count} 个文件：{string.Join("、", saved)}";
            return RedirectToPage(new { id });
        }
        Saved = saved;
        await LoadFilesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id)
    {
        if (!await LoadAsync(id) || EvidenceId is not { } evidenceId)
        {
            return NotFound();
        }
        if (!Application.IsEditableByApplicant)
        {
            return await RefusedAsync();
        }
        var result = await EvidenceStore.DeleteAsync(db, Application, evidenceId, User.ToActor(), clock.GetUtcNow(), HttpContext.RequestAborted);
        if (result.Succeeded)
        {
            TempData["Notice"] = $"已删除 {result.Evidence!.FileName}";
            return RedirectToPage(new { id });
        }
        await LoadFilesAsync();
        var slot = Files.SelectMany(g => g).FirstOrDefault(f => f.Evidence.Id == evidenceId)?.Evidence.SlotKey;
        ModelState.AddModelError(slot is null ? "" : SlotField(slot), result.Error!);
        return Page();
    }

    // A page read before submission may still post; the page now has no controls to put the message beside.
    private async Task<IActionResult> RefusedAsync()
    {
        ModelState.AddModelError("", EvidenceStore.NotEditable);
        await LoadFilesAsync();
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var application = await db.Applications.AsNoTracking().FindVisibleAsync(User.ToViewer(), id, HttpContext.RequestAborted);
        if (application is null)
        {
            return false;
        }
        Application = application;
        Slots = EvidenceSlots.For(FormEditionCatalogue.Default.Get(application.FormEditionKey), application.Campaign!.Year);
        Limits = EvidenceLimits.From(configuration);
        return true;
    }

    private async Task LoadFilesAsync() =>
        Files = (await EvidenceStore.ListAsync(db, Application.Id, HttpContext.RequestAborted)).ToLookup(f => f.Evidence.SlotKey);
}

/// <summary>
/// An upload names a slot and carries at least one and at most <see cref="MaxFiles"/> files; the message goes beside the
/// slot's file input. Types, sizes, content and the total are <see cref="EvidenceStore"/>'s checks of each file.
/// </summary>
public class EvidenceValidator : AbstractValidator<EvidenceModel>
{
    public const int MaxFiles = 20;

    public EvidenceValidator()
    {
        When(m => m.Slot is not null, () => RuleFor(m => m).Custom((m, context) =>
        {
            var field = EvidenceModel.SlotField(m.Slot!.Length > 64 ? "" : m.Slot);
            if (m.Uploads.Count == 0)
            {
                context.AddFailure(field, "请先选择要上传的文件");
            }
            else if (m.Uploads.Count > MaxFiles)
            {
                context.AddFailure(field, $"一次最多上传 {MaxFiles} 个文件");
            }
        }));
    }
}
