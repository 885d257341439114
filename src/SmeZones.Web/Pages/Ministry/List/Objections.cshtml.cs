using FluentValidation;
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
    [BindProperty] public Guid ObjectionId { get; set; }
    [BindProperty] public ObjectionStep? Step { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public List<IFormFile> Files { get; set; } = [];

    public IReadOnlyList<Objection> Items { get; private set; } = [];
    public IReadOnlyDictionary<Guid, ListEntry> Entries { get; private set; } = new Dictionary<Guid, ListEntry>();

    /// <summary>The objection whose form has the errors shown, so they appear beside it.</summary>
    public Guid? FailedId { get; private set; }
    public string? PostedText { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (objectionId, text) = (ObjectionId, Text);
        if (!await LoadAsync() || Items.All(o => o.Id != objectionId))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            (FailedId, PostedText) = (objectionId, text);
            return Page();
        }
        var uploads = new List<UploadedFile>();
        foreach (var file in Files.Where(f => f.Length > 0).Take(Objections.MaxFiles))
        {
            using var stream = new MemoryStream();
            await file.CopyToAsync(stream, ct);
            uploads.Add(new UploadedFile(file.FileName, stream.ToArray()));
        }
        var errors = await Objections.HandleAsync(Db, objectionId, Step!.Value, text, uploads, User.ToActor(), clock.GetUtcNow(), ct);
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

/// <summary>A step that exists, its text by Core's rule (<see cref="Objections.CheckStepText"/>), no more files than allowed.</summary>
public class ObjectionsValidator : AbstractValidator<ObjectionsModel>
{
    public ObjectionsValidator()
    {
        RuleFor(m => m.Step).NotNull().IsInEnum().WithMessage("请选择处理步骤。");
        RuleFor(m => m.Files.Count).LessThanOrEqualTo(Objections.MaxFiles).OverridePropertyName("files")
            .WithMessage($"最多上传 {Objections.MaxFiles} 个佐证材料。");
        RuleFor(m => m).Custom((m, context) =>
        {
            if (m.Step is { } step && Enum.IsDefined(step))
            {
                foreach (var error in Objections.CheckStepText(step, m.Text))
                {
                    context.AddFailure(error.Key, error.Message);
                }
            }
        });
    }
}
