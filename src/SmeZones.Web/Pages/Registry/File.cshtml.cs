using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Data;
using SmeZones.Core.Organisations;
using SmeZones.Core.Publication;
using SmeZones.Core.Registry;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Registry;

/// <summary>The applicant authority files a 变更 (name, spatial area, operator) or asks for 注销; the rules are RegistryRequests'.</summary>
[RequestSizeLimit(RegistryRequests.MaxEvidenceBytes + 256 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = RegistryRequests.MaxEvidenceBytes + 256 * 1024)]
public class FileModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public RegistryRequestKind? Kind { get; set; }
    [BindProperty] public string? NewValue { get; set; }
    [BindProperty] public DateOnly? ChangedOn { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public IFormFile? Evidence { get; set; }

    public RegistryEntry Entry { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        UploadedFile? upload = null;
        if (Evidence is { Length: > 0 and <= RegistryRequests.MaxEvidenceBytes })
        {
            using var buffer = new MemoryStream();
            await Evidence.CopyToAsync(buffer, ct);
            upload = new UploadedFile(Evidence.FileName, buffer.ToArray());
        }
        else if (Evidence is { Length: > RegistryRequests.MaxEvidenceBytes })
        {
            ModelState.AddModelError(nameof(Evidence), "佐证材料不能超过 20 MB。");
            return Page();
        }
        var (request, errors) = await RegistryRequests.FileAsync(db, Entry, new RegistryRequestInput(Kind, NewValue, ChangedOn, Reason, upload),
            User.ToActor(), clock.GetUtcNow(), ct);
        if (request is null)
        {
            ModelState.AddErrors(errors, key => key switch
            {
                "kind" => nameof(Kind), "newValue" => nameof(NewValue), "changedOn" => nameof(ChangedOn), "reason" => nameof(Reason),
                "evidence" => nameof(Evidence), _ => null,
            });
            return Page();
        }
        TempData["Notice"] = request.FiledLate
            ? $"申请已提交，待省级初审。注意：变更发生于{Dates.Format(request.ChangedOn)}，已超过 30 个工作日（截止{Dates.Format(request.Deadline!.Value)}），属逾期提出。"
            : "申请已提交，待省级初审。";
        return RedirectToPage("/Registry/Request", new { id = request.Id });
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var viewer = User.ToViewer();
        if (!viewer.IsIn(Roles.Applicant))
        {
            return false;
        }
        var entry = await db.RegistryEntries.VisibleTo(viewer).SingleOrDefaultAsync(e => e.Id == id);
        if (entry is null)
        {
            return false;
        }
        Entry = entry;
        return true;
    }
}

/// <summary>The shape of a request; what depends on the entry (dates, same value, open requests) is checked in Core.</summary>
public class FileValidator : AbstractValidator<FileModel>
{
    public FileValidator()
    {
        RuleFor(m => m.Kind).NotNull().WithMessage("请选择申请事项。").IsInEnum().WithMessage("请选择申请事项。");
        RuleFor(m => m.ChangedOn).NotNull().WithMessage("请填写日期（格式：2026-12-01）。");
        RuleFor(m => m.NewValue).MaximumLength(RegistryLimits.SpatialArea).WithMessage($"变更后的内容不能超过 {RegistryLimits.SpatialArea} 字。");
        RuleFor(m => m.Reason).NotEmpty().WithMessage("请填写申请理由。")
            .MaximumLength(RegistryLimits.Reason).WithMessage($"申请理由不能超过 {RegistryLimits.Reason} 字。");
    }
}
