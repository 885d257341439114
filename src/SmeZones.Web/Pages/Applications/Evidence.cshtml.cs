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

    public async Task<IActionResult> OnPostUploadAsync(Guid id, string? slot, List<IFormFile> files)
    {
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
        if (files.Count == 0)
        {
            ModelState.AddModelError(field, "请先选择要上传的文件");
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

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, Guid evidenceId)
    {
        if (!await LoadAsync(id))
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
