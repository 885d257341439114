using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Publication;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Ministry.List;

/// <summary>The ministry handles each objection: 受理 → 核查 (notes, attachments) → 结论 (成立 / 不成立).</summary>
[RequestSizeLimit(110L * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 110L * 1024 * 1024)]
public class ObjectionsModel(PortalDbContext db, TimeProvider clock) : MinistryListPage(db)
{
    public IReadOnlyList<Objection> Items { get; private set; } = [];
    public IReadOnlyDictionary<Guid, ListEntry> Entries { get; private set; } = new Dictionary<Guid, ListEntry>();

    /// <summary>The objection whose form has the errors shown, so they appear beside it.</summary>
    public Guid? FailedId { get; private set; }
    public string? PostedText { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid objectionId, ObjectionStep step, string? text, List<IFormFile> files, CancellationToken ct)
    {
        if (!await LoadAsync() || Items.All(o => o.Id != objectionId))
        {
            return NotFound();
        }
        var uploads = new List<UploadedFile>();
        foreach (var file in files.Where(f => f.Length > 0).Take(Objections.MaxFiles))
        {
            using var stream = new MemoryStream();
            await file.CopyToAsync(stream, ct);
            uploads.Add(new UploadedFile(file.FileName, stream.ToArray()));
        }
        var errors = await Objections.HandleAsync(Db, objectionId, step, text, uploads, User.ToActor(), clock.GetUtcNow(), ct);
        if (errors.Count > 0)
        {
            FailedId = objectionId;
            PostedText = text;
            ModelState.AddErrors(errors);
            return Page();
        }
        TempData["Notice"] = "异议处理已保存。";
        return RedirectToPage("/Ministry/List/Objections", null, new { campaignId = CampaignId }, $"o-{objectionId}");
    }

    public async Task<IActionResult> OnGetFileAsync(Guid fileId)
    {
        var file = await Db.ObjectionFiles.AsNoTracking()
            .SingleOrDefaultAsync(f => f.Id == fileId && Db.Objections.Any(o => o.Id == f.ObjectionId && o.CampaignId == CampaignId));
        return file is null ? NotFound() : File(file.Bytes, file.ContentType, file.FileName);
    }

    protected override async Task OnLoadedAsync(CancellationToken ct)
    {
        Items = await Db.Objections.AsNoTracking().Include(o => o.Files).Where(o => o.CampaignId == CampaignId)
            .OrderBy(o => o.LodgedAt).ToListAsync(ct);
        Entries = await Db.ListEntries.AsNoTracking().Where(e => e.CampaignId == CampaignId).ToDictionaryAsync(e => e.Id, ct);
    }
}
