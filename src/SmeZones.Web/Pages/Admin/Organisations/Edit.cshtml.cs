using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Audit;
using SmeZones.Core.Data;
using SmeZones.Core.Organisations;
using SmeZones.Core.Regions;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Admin.Organisations;

public class EditModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public OrganisationForm Form { get; set; } = new();
    public bool IsNew => Form.Id is null;

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        if (id is null)
        {
            return Page();
        }
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id);
        if (organisation is null)
        {
            return NotFound();
        }
        Form = new OrganisationForm
        {
            Id = organisation.Id, Name = organisation.Name, Level = organisation.Level,
            RegionCode = organisation.RegionCode, IsActive = organisation.IsActive,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        Form.Id = id;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (await db.Organisations.AnyAsync(o => o.Name == Form.Name!.Trim() && o.Id != id))
        {
            ModelState.AddModelError("Form.Name", "已存在同名单位");
            return Page();
        }
        var organisation = id is null ? null : await db.Organisations.SingleOrDefaultAsync(o => o.Id == id);
        if (id is not null && organisation is null)
        {
            return NotFound();
        }
        var now = clock.GetUtcNow();
        if (organisation is null)
        {
            organisation = new Organisation { Name = "", CreatedAt = now };
            db.Organisations.Add(organisation);
        }
        var before = new { organisation.Name, organisation.Level, organisation.RegionCode, organisation.IsActive };
        organisation.Name = Form.Name!.Trim();
        organisation.Level = Form.Level!.Value;
        organisation.RegionCode = Form.Level == OrganisationLevel.Ministry ? null : RegionCatalogue.NormaliseCode(Form.RegionCode);
        organisation.IsActive = Form.IsActive;
        await db.SaveChangesAsync();
        if (!IsNew && !before.Equals(new { organisation.Name, organisation.Level, organisation.RegionCode, organisation.IsActive }))
        {
            // Its users' cookies carry the old name, level and region (ADR 0008).
            await AccountSessions.EndForOrganisationAsync(db, organisation.Id);
        }
        db.Record(User.ToActor(), IsNew ? "OrganisationCreated" : "OrganisationUpdated", nameof(Organisation), organisation.Id.ToString(),
            organisation.Name, new { before, after = new { organisation.Name, organisation.Level, organisation.RegionCode, organisation.IsActive } });
        await db.SaveChangesAsync();
        TempData["Notice"] = $"已保存单位“{organisation.Name}”。";
        return RedirectToPage("Index");
    }
}

public class OrganisationForm
{
    public int? Id { get; set; }
    public string? Name { get; set; }
    public OrganisationLevel? Level { get; set; }
    public string? RegionCode { get; set; }
    public bool IsActive { get; set; } = true;
}

public class OrganisationFormValidator : AbstractValidator<OrganisationForm>
{
    public OrganisationFormValidator()
    {
        RuleFor(f => f.Name).NotEmpty().WithMessage("请填写单位名称").MaximumLength(128).WithMessage("单位名称不能超过128个字符");
        RuleFor(f => f.Level).NotNull().WithMessage("请选择单位层级").IsInEnum().WithMessage("请选择单位层级");
        RuleFor(f => f.RegionCode).Must((form, code) => RegionMatchesLevel(form.Level, code))
            .WithMessage("请填写与层级相符的6位行政区划代码（省级单位填省、计划单列市或兵团的代码，地市级填地级代码，县级填县级代码）")
            .When(f => f.Level is not null and not OrganisationLevel.Ministry);
    }

    private static bool RegionMatchesLevel(OrganisationLevel? level, string? code)
    {
        var region = RegionCatalogue.Instance.Find(code?.Trim());
        return (level, region) switch
        {
            (_, null) => false,
            (OrganisationLevel.ProvincialUnit, var r) => r.IsProvincialUnit,
            (OrganisationLevel.Prefecture, var r) => r.Level == RegionLevel.Prefecture,
            (OrganisationLevel.County, var r) => r.Level == RegionLevel.County,
            _ => false,
        };
    }
}
