using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Data;
using SmeZones.Core.Organisations;
using SmeZones.Core.Registry;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Registry;

/// <summary>One 变更 / 注销 request: the province's 初审 (forward or return) and the ministry's 审定 (approve or return).</summary>
public class RequestModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public bool Pass { get; set; }
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public uint Version { get; set; }
    [BindProperty] public uint EntryVersion { get; set; }

    public RegistryRequest Item { get; private set; } = null!;
    public RegistryEntry Entry { get; private set; } = null!;

    /// <summary>The step the viewer may take now, if any.</summary>
    public RegistryRequestStatus? MayAct { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        Version = Item.Version;
        EntryVersion = Entry.Version;
        Pass = true;
        return Page();
    }

    public async Task<IActionResult> OnGetEvidenceAsync(Guid id) =>
        !await LoadAsync(id) || Item.EvidenceBytes is null ? NotFound() : File(Item.EvidenceBytes, Item.EvidenceContentType!, Item.EvidenceFileName);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (MayAct is null)
        {
            ModelState.AddModelError("", "该申请当前不在您的办理环节，可能刚被他人处理过，请刷新页面。");
            return Page();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        db.ChangeTracker.Clear();
        var actor = User.ToActor();
        var errors = MayAct == RegistryRequestStatus.WithProvince
            ? await RegistryRequests.ProvinceReviewAsync(db, id, Version, Pass, Comment, actor, clock.GetUtcNow(), ct)
            : await RegistryRequests.MinistryDecideAsync(db, id, Version, EntryVersion, Pass, Comment, actor, clock.GetUtcNow(), ct);
        if (errors.Count > 0)
        {
            ModelState.AddErrors(errors, key => key == "comment" ? nameof(Comment) : null);
            await LoadAsync(id);
            return Page();
        }
        TempData["Notice"] = (MayAct, Pass) switch
        {
            (RegistryRequestStatus.WithProvince, true) => "初审同意，已报部级审定。",
            (RegistryRequestStatus.WithMinistry, true) => "已审定通过，名录已更新。",
            _ => "已退回申报主体。",
        };
        return RedirectToPage("/Registry/Request", new { id });
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var viewer = User.ToViewer();
        var found = await db.RegistryRequests.AsNoTracking()
            .Join(db.RegistryEntries.AsNoTracking().VisibleTo(viewer), r => r.EntryId, e => e.Id, (r, e) => new { Request = r, Entry = e })
            .SingleOrDefaultAsync(x => x.Request.Id == id);
        if (found is null)
        {
            return false;
        }
        (Item, Entry) = (found.Request, found.Entry);
        MayAct = Item.Status switch
        {
            RegistryRequestStatus.WithProvince when viewer.IsProvince() => RegistryRequestStatus.WithProvince,
            RegistryRequestStatus.WithMinistry when viewer.IsIn(Roles.Ministry) => RegistryRequestStatus.WithMinistry,
            _ => null,
        };
        return true;
    }
}

public class RequestValidator : AbstractValidator<RequestModel>
{
    public RequestValidator()
    {
        RuleFor(m => m.Comment).NotEmpty().When(m => !m.Pass).WithMessage("退回时请填写意见。")
            .MaximumLength(RegistryLimits.Comment).WithMessage($"意见不能超过 {RegistryLimits.Comment} 字。");
    }
}
