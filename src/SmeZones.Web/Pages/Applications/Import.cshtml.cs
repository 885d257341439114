using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Data;
using SmeZones.Core.Forms;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Applications;

/// <summary>Fills a draft from an answers file of the same edition, reporting every value that does not validate.</summary>
[RequestSizeLimit(MaxBytes + 64 * 1024)]
public class ImportModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public const int MaxBytes = 2 * 1024 * 1024;

    /// <summary>The answers file, posted as "file".</summary>
    [BindProperty(Name = "file")] public IFormFile? Upload { get; set; }

    public Application Application { get; private set; } = null!;
    public ImportReport? Report { get; private set; }

    private FormLabels? _labels;

    /// <summary>The official label (with its year) of an answer key of this edition; null for a key the edition lacks.</summary>
    public string? LabelOf(string key) => _labels?.Answer(key);

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var (answers, problem) = await ReadAsync(Upload!);
        if (problem is null && !Application.IsEditableByApplicant)
        {
            problem = "该申报已提交，不能导入。";
        }
        if (problem is null && answers!.Edition != Application.FormEditionKey)
        {
            problem = $"文件的申报表版本“{answers.Edition}”与本申报（{Application.FormEditionKey}）不一致，不能导入。";
        }
        if (problem is null && answers!.RoundYear != Application.Campaign!.Year)
        {
            problem = $"文件的数据年份（{answers.RoundYear}年度）与本批次（{Application.Campaign.Year}年度）不一致，不能导入。";
        }
        if (problem is not null)
        {
            ModelState.AddModelError("file", problem);
            return Page();
        }

        var definition = FormEditionCatalogue.Default.Get(Application.FormEditionKey);
        var year = Application.Campaign!.Year;
        var result = SectionSave.Apply(db, Application, definition, year, sectionKey: null,
            answers!.Answers.ToDictionary(a => a.Key, a => (string?)a.Value), User.ToActor(), clock.GetUtcNow());
        try
        {
            // One SaveChanges, one transaction: the import lands whole or not at all.
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            // A save (often the editor's autosave) landed between our read and our write: nothing of the file was stored.
            ModelState.AddModelError("file", SectionSave.ConflictMessage + "文件中的内容均未导入，请核对最新内容后重新导入。");
            return Page();
        }
        _labels = FormLabels.For(definition, year);
        Report = new ImportReport(Application.Answers.Count, [.. AnswersExchange.UnknownKeys(definition, year, answers), .. result.Errors]);
        return Page();
    }

    private static async Task<(AnswersFile?, string?)> ReadAsync(IFormFile file)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer);
        return AnswersFile.Read(buffer.ToArray());
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var application = await db.Applications.FindVisibleAsync(User.ToViewer(), id);
        Application = application!;
        return application is not null;
    }
}

/// <summary>The shape of an import: a file is there and within 2 MB; its content is read by <see cref="AnswersFile"/>.</summary>
public class ImportValidator : AbstractValidator<ImportModel>
{
    public ImportValidator()
    {
        // The input is named "file" (PageModel.File is taken), so the message is keyed as the input is.
        RuleFor(m => m.Upload).Must(f => f is { Length: > 0 }).WithMessage("请选择要导入的填报数据文件（JSON）。")
            .Must(f => f!.Length <= ImportModel.MaxBytes).When(m => m.Upload is { Length: > 0 }, ApplyConditionTo.CurrentValidator)
            .WithMessage("文件不能超过 2 MB。")
            .OverridePropertyName("file");
    }
}
