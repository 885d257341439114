using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Data;
using SmeZones.Core.Publication;
using SmeZones.Core.Registry;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Registry.Annual;

/// <summary>The report's 佐证材料: the holder uploads it while editing (checked by content); whoever may read the report downloads it.</summary>
public class EvidenceModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public uint Version { get; set; }

    public AnnualReportView Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var view = await AnnualReportView.LoadAsync(this, db, id, ct);
        if (view?.Report is null || (!view.IsHolder && view.Report.FirstSubmittedAt is null))
        {
            return NotFound();
        }
        var file = await db.AnnualReports.AsNoTracking().Where(r => r.Id == view.Report.Id)
            .Select(r => new { r.EvidenceBytes, r.EvidenceContentType, r.EvidenceFileName }).SingleAsync(ct);
        return file.EvidenceBytes is null ? NotFound() : File(file.EvidenceBytes, file.EvidenceContentType!, file.EvidenceFileName);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, IFormFile? evidence, CancellationToken ct)
    {
        if (await AnnualReportView.LoadAsync(this, db, id, ct) is not { } view || view.Report is null)
        {
            return NotFound();
        }
        Report = view;
        if (view.Step != ReportStep.HolderEdits)
        {
            ModelState.AddModelError("", "该报告当前不能修改。");
            return Page();
        }
        UploadedFile? upload = null;
        if (evidence is { Length: > 0 and <= RegistryRequests.MaxEvidenceBytes })
        {
            using var buffer = new MemoryStream();
            await evidence.CopyToAsync(buffer, ct);
            upload = new UploadedFile(evidence.FileName, buffer.ToArray());
        }
        else if (evidence is { Length: > RegistryRequests.MaxEvidenceBytes })
        {
            ModelState.AddModelError("evidence", "佐证材料不能超过 20 MB。");
            return Page();
        }
        var report = await db.AnnualReports.SingleAsync(r => r.Id == view.Report.Id, ct);
        var errors = await AnnualReports.AttachEvidenceAsync(db, report, Version, upload, User.ToActor(), clock.GetUtcNow(), ct);
        if (errors.Count > 0)
        {
            ModelState.AddErrors(errors, key => key);
            return Page();
        }
        TempData["Notice"] = "佐证材料已上传。";
        return RedirectToPage("/Registry/Annual/Report", new { id, year = view.Year });
    }
}

public class EvidenceValidator : AbstractValidator<EvidenceModel>
{
    public EvidenceValidator() => RuleFor(m => m.Version).GreaterThan(0u).WithMessage("页面已过期，请刷新后再上传。");
}
