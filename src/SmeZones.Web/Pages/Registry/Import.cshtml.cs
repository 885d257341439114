using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmeZones.Core.Data;
using SmeZones.Core.Exports;
using SmeZones.Core.Registry;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Registry;

/// <summary>
/// Import of entries certified before the portal (部级 or 系统管理员): "检查" reports every bad row without importing;
/// "导入" imports all rows in one transaction only when none is bad (ADR 0040).
/// </summary>
[RequestSizeLimit(RegistryImport.MaxBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = RegistryImport.MaxBytes + 64 * 1024)]
public class ImportModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(Name = "file")] public IFormFile? Upload { get; set; }
    [BindProperty] public bool Import { get; set; }

    public RegistryImportResult? Result { get; private set; }

    public IActionResult OnGet() => User.ToViewer().MayImport() ? Page() : NotFound();

    public IActionResult OnGetTemplate() => User.ToViewer().MayImport()
        ? File(RegistryImport.Template(), SpreadsheetWriter.ContentType, "名录导入模板.xlsx")
        : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!User.ToViewer().MayImport())
        {
            return NotFound();
        }
        if (!ModelState.IsValid || Upload is null)
        {
            return Page();
        }
        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, ct);
        Result = await RegistryImport.RunAsync(db, buffer.ToArray(), Import, User.ToActor(), clock.GetUtcNow(), ct);
        return Page();
    }
}

/// <summary>A file is chosen and within the limit; its rows are checked by Core's import (<see cref="RegistryImport"/>).</summary>
public class ImportValidator : AbstractValidator<ImportModel>
{
    public ImportValidator()
    {
        RuleFor(m => m.Upload).Must(f => f is { Length: > 0 }).OverridePropertyName("file").WithMessage("请选择要导入的 .xlsx 文件。");
        RuleFor(m => m.Upload!.Length).LessThanOrEqualTo(RegistryImport.MaxBytes).When(m => m.Upload is not null)
            .OverridePropertyName("file").WithMessage("文件不能超过 5 MB。");
    }
}
