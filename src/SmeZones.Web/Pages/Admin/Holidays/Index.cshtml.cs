using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Publication;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Admin.Holidays;

/// <summary>
/// The holiday calendar per year: public holidays (休) and adjusted working days (班) as the State Council's notice
/// sets them. Days not listed follow Monday–Friday.
/// </summary>
public class IndexModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public bool IsWorkingDay { get; set; }
    [BindProperty] public string? Name { get; set; }

    public IReadOnlyList<CalendarDay> Days { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostSaveAsync()
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var date = Date!.Value;
        var day = await db.CalendarDays.SingleOrDefaultAsync(d => d.Date == date);
        if (day is null)
        {
            db.CalendarDays.Add(new CalendarDay { Date = date, IsWorkingDay = IsWorkingDay, Name = Name!.Trim() });
        }
        else
        {
            day.IsWorkingDay = IsWorkingDay;
            day.Name = Name!.Trim();
        }
        db.Record(User.ToActor(), "CalendarDaySaved", nameof(CalendarDay), date.ToString("yyyy-MM-dd"),
            $"节假日安排：{date:yyyy-MM-dd} {(IsWorkingDay ? "调休上班" : "放假")}（{Name!.Trim()}）");
        await db.SaveChangesAsync();
        TempData["Notice"] = "已保存。";
        return RedirectToPage("/Admin/Holidays/Index", new { year = date.Year });
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var date = Date!.Value;
        var day = await db.CalendarDays.SingleOrDefaultAsync(d => d.Date == date);
        if (day is not null)
        {
            db.CalendarDays.Remove(day);
            db.Record(User.ToActor(), "CalendarDayRemoved", nameof(CalendarDay), date.ToString("yyyy-MM-dd"), $"删除节假日安排 {date:yyyy-MM-dd}");
            await db.SaveChangesAsync();
        }
        return RedirectToPage("/Admin/Holidays/Index", new { year = date.Year });
    }

    private async Task LoadAsync()
    {
        var year = Year ?? ChinaTime.ToChina(clock.GetUtcNow()).Year;
        Year = year;
        Years = (await db.CalendarDays.Select(d => d.Date.Year).Distinct().ToListAsync()).Append(year).Distinct().Order().ToList();
        Days = await db.CalendarDays.AsNoTracking().Where(d => d.Date >= new DateOnly(year, 1, 1) && d.Date <= new DateOnly(year, 12, 31))
            .OrderBy(d => d.Date).ToListAsync();
    }
}

/// <summary>A day of the calendar: its date and the holiday's name. The delete button posts only a date, which must read as one.</summary>
public class HolidayValidator : AbstractValidator<IndexModel>
{
    public HolidayValidator()
    {
        RuleFor(m => m.Date).NotNull().WithMessage("请填写日期（格式：2026-10-01）。");
        When(m => !IsDelete(m), () =>
        {
            RuleFor(m => m.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("请填写节日名称，如“国庆节”。")
                .Must(n => n!.Trim().Length <= 50).When(m => !string.IsNullOrWhiteSpace(m.Name), ApplyConditionTo.CurrentValidator)
                .WithMessage("节日名称不能超过 50 个字。");
        });
    }

    private static bool IsDelete(IndexModel m) =>
        string.Equals(m.HttpContext.GetRouteValue("handler") as string ?? m.Request.Query["handler"].ToString(), "Delete", StringComparison.OrdinalIgnoreCase);
}
