using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Exports;
using SmeZones.Core.Organisations;
using SmeZones.Core.Publication;
using SmeZones.Core.Regions;

namespace SmeZones.Core.Registry;

/// <summary>A row that does not validate: its spreadsheet row number, the column title and what is wrong, in Chinese.</summary>
public sealed record ImportProblem(int Row, string Column, string Message);

public sealed record RegistryImportResult(int GoodRows, IReadOnlyList<ImportProblem> Problems, bool Imported)
{
    public bool HasProblems => Problems.Count > 0;
}

/// <summary>
/// Entries certified before the portal existed, from a spreadsheet in the template of docs/registry-import.md. Every
/// row is checked; the import is all-or-nothing (ADR 0040): with any bad row nothing is imported and every problem is
/// reported, so a corrected file can simply be uploaded again without creating duplicates.
/// </summary>
public static class RegistryImport
{
    public const int MaxRows = 5000;
    public const long MaxBytes = 5L * 1024 * 1024;

    public const string CertificateColumn = "证书编号";
    public const string ProgrammeColumn = "类别";
    public const string NameColumn = "名称";
    public const string RegionColumn = "所在地区代码";
    public const string OperatorColumn = "运营管理机构";
    public const string AreaColumn = "空间范围";
    public const string CertifiedOnColumn = "认定日期";
    public const string ValidUntilColumn = "有效期至";

    public static readonly IReadOnlyList<string> ColumnTitles =
        [CertificateColumn, ProgrammeColumn, NameColumn, RegionColumn, OperatorColumn, AreaColumn, CertifiedOnColumn, ValidUntilColumn];

    /// <summary>The template offered for download: the column titles and one example row to overwrite.</summary>
    public static byte[] Template()
    {
        var writer = new SpreadsheetWriter("名录导入", "中外中小企业合作区、中小企业特色产业集群名录导入模板（第一行标题、第二行列名不要改动；示例行请替换）");
        foreach (var title in ColumnTitles)
        {
            writer.AddColumn(title, title == AreaColumn || title == NameColumn || title == OperatorColumn ? 30 : 16);
        }
        writer.AddRow("合作区〔2023〕001号", "合作区", "示例中德（佛山）中小企业合作区", "440600", "佛山示例运营管理有限公司", "东至……，西至……，面积约 10 平方公里", "2023-06-30", "");
        return writer.ToArray();
    }

    private sealed record Row(int Number, IReadOnlyDictionary<string, string> Cells);

    private sealed record Parsed(RegistryEntry Entry, int Row);

    /// <summary>Checks the file; imports every row in one transaction when <paramref name="import"/> and all rows are good.</summary>
    public static async Task<RegistryImportResult> RunAsync(PortalDbContext db, byte[] file, bool import, Actor actor, DateTimeOffset now, CancellationToken ct = default)
    {
        var (rows, fileProblem) = Read(file);
        if (fileProblem is not null)
        {
            return new RegistryImportResult(0, [new ImportProblem(0, "", fileProblem)], false);
        }
        var problems = new List<ImportProblem>();
        var parsed = new List<Parsed>();
        var today = Dates.Today(now);
        foreach (var row in rows)
        {
            var entry = Check(row, today, problems, now);
            if (entry is not null)
            {
                parsed.Add(new Parsed(entry, row.Number));
            }
        }
        foreach (var duplicate in parsed.GroupBy(p => p.Entry.CertificateNumber).Where(g => g.Count() > 1).SelectMany(g => g.Skip(1)))
        {
            problems.Add(new ImportProblem(duplicate.Row, CertificateColumn, $"证书编号“{duplicate.Entry.CertificateNumber}”在文件中重复。"));
        }
        var numbers = parsed.Select(p => p.Entry.CertificateNumber).Distinct().ToList();
        var taken = (await db.RegistryEntries.Where(e => numbers.Contains(e.CertificateNumber)).Select(e => e.CertificateNumber).ToListAsync(ct))
            .Concat(await db.Certifications.Where(c => numbers.Contains(c.CertificateNumber)).Select(c => c.CertificateNumber).ToListAsync(ct)).ToHashSet();
        problems.AddRange(parsed.Where(p => taken.Contains(p.Entry.CertificateNumber))
            .Select(p => new ImportProblem(p.Row, CertificateColumn, $"证书编号“{p.Entry.CertificateNumber}”已在名录中。")));
        problems = problems.OrderBy(p => p.Row).ToList();
        var good = rows.Count - problems.Select(p => p.Row).Distinct().Count();
        if (problems.Count > 0 || !import || parsed.Count == 0)
        {
            return new RegistryImportResult(good, problems, false);
        }

        // The holder is the applicant authority answering for the entry's region, when there is exactly one.
        var codes = parsed.Select(p => p.Entry.RegionCode).Distinct().ToList();
        var holders = (await db.Organisations.Where(o => o.IsActive && o.RegionCode != null && codes.Contains(o.RegionCode) && o.Level != OrganisationLevel.Ministry)
                .Select(o => new { o.Id, o.RegionCode }).ToListAsync(ct))
            .GroupBy(o => o.RegionCode!).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single().Id);
        foreach (var p in parsed)
        {
            p.Entry.OrganisationId = holders.TryGetValue(p.Entry.RegionCode, out var holder) ? holder : null;
            db.RegistryEntries.Add(p.Entry);
            RegistryLifecycle.History(db, p.Entry, RegistryFields.Created, null, p.Entry.CertificateNumber, p.Entry.CertifiedOn, actor, now, "导入（门户上线前认定）");
        }
        db.Record(actor, "RegistryImported", nameof(RegistryEntry), "import", $"导入名录 {parsed.Count} 条", new { rows = parsed.Count });
        try
        {
            await db.SaveChangesAsync(ct); // one SaveChanges: one transaction, all rows or none
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new RegistryImportResult(0, [new ImportProblem(0, "", "导入时有证书编号刚被他人录入，未导入任何数据，请重新检查后再导入。")], false);
        }
        return new RegistryImportResult(parsed.Count, [], true);
    }

    private static RegistryEntry? Check(Row row, DateOnly today, List<ImportProblem> problems, DateTimeOffset now)
    {
        var before = problems.Count;
        string? Text(string column, int max, bool required)
        {
            var value = row.Cells.GetValueOrDefault(column)?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                if (required)
                {
                    problems.Add(new ImportProblem(row.Number, column, $"“{column}”不能为空。"));
                }
                return null;
            }
            if (value.Length > max)
            {
                problems.Add(new ImportProblem(row.Number, column, $"“{column}”不能超过 {max} 字（现有 {value.Length} 字）。"));
                return null;
            }
            if (value.Any(char.IsControl) || CellSafety.IsFormulaLike(value))
            {
                problems.Add(new ImportProblem(row.Number, column, $"“{column}”含有控制字符或公式，请只填写文字。"));
                return null;
            }
            return value;
        }
        DateOnly? Date(string column, bool required)
        {
            var value = Text(column, 30, required);
            if (value is null)
            {
                return null;
            }
            if (DateOnly.TryParseExact(value, ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy年M月d日"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                && date.Year >= 2000 && date <= today.AddYears(10))
            {
                return date;
            }
            problems.Add(new ImportProblem(row.Number, column, $"“{column}”不是有效日期（应为 2023-06-30 这样的格式，年份不早于 2000 年）。"));
            return null;
        }

        var number = Text(CertificateColumn, RegistryLimits.CertificateNumber, true);
        var programmeText = Text(ProgrammeColumn, 20, true);
        // By the programme's own words (its full name or short unit word, e.g. 中外中小企业合作区 / 合作区), as its editions declare them.
        Programme? programme = programmeText is null ? null : Enum.GetValues<Programme>()
            .Where(p => p.Words() is { } words && (words.Programme == programmeText || words.Unit == programmeText))
            .Select(p => (Programme?)p).FirstOrDefault();
        if (programmeText is not null && programme is null)
        {
            problems.Add(new ImportProblem(row.Number, ProgrammeColumn, "“类别”应为“合作区”或“集群”。"));
        }
        var name = Text(NameColumn, RegistryLimits.Name, true);
        var regionCode = Text(RegionColumn, 12, true);
        Jurisdiction? jurisdiction = null;
        if (regionCode is not null)
        {
            var region = RegionCatalogue.Instance.Find(RegionCatalogue.NormaliseCode(regionCode));
            if (region is null || RegionCatalogue.Instance.ProvincialUnitOf(region.Code) is null)
            {
                problems.Add(new ImportProblem(row.Number, RegionColumn, $"“{regionCode}”不是有效的行政区划代码（6 位数字，如 440600）。"));
            }
            else
            {
                jurisdiction = Jurisdiction.Of(region.Code);
            }
        }
        var operatorName = Text(OperatorColumn, RegistryLimits.Name, true);
        var area = Text(AreaColumn, RegistryLimits.SpatialArea, false);
        var certifiedOn = Date(CertifiedOnColumn, true);
        if (certifiedOn > today)
        {
            problems.Add(new ImportProblem(row.Number, CertifiedOnColumn, "“认定日期”不能晚于今天。"));
        }
        var validUntil = Date(ValidUntilColumn, false);
        if (validUntil is not null && certifiedOn is not null && validUntil < certifiedOn)
        {
            problems.Add(new ImportProblem(row.Number, ValidUntilColumn, "“有效期至”不能早于认定日期。"));
        }
        if (problems.Count > before)
        {
            return null;
        }
        var end = validUntil ?? Certifying.ValidUntil(programme!.Value, certifiedOn!.Value);
        return new RegistryEntry
        {
            Id = Guid.NewGuid(), CertificateNumber = number!, Programme = programme!.Value, Name = name!, RegionCode = jurisdiction!.RegionCode,
            PrefectureCode = jurisdiction.PrefectureCode, ProvincialUnitCode = jurisdiction.ProvincialUnitCode, OperatorName = operatorName!,
            SpatialArea = area, CertifiedOn = certifiedOn!.Value, ValidUntil = end,
            Status = end < today ? RegistryStatus.ExpiredAwaitingReview : RegistryStatus.Valid, CreatedAt = now,
        };
    }

    /// <summary>The rows under the column-title row of the first sheet, keyed by title; blank rows skipped.</summary>
    private static (IReadOnlyList<Row> Rows, string? Problem) Read(byte[] file)
    {
        if (file.Length == 0 || file.Length > MaxBytes)
        {
            return ([], "请上传不超过 5 MB 的 .xlsx 文件。");
        }
        try
        {
            using var stream = new MemoryStream(file, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false);
            var workbook = document.WorkbookPart ?? throw new InvalidDataException();
            var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException();
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
            Dictionary<string, string>? header = null; // column letters → title
            var rows = new List<Row>();
            foreach (var row in part.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>())
            {
                var cells = row.Elements<Cell>().Where(c => c.CellReference?.Value is not null)
                    .ToDictionary(c => Letters(c.CellReference!.Value!), c => Value(c, strings));
                if (header is null)
                {
                    if (cells.ContainsValue(CertificateColumn) && cells.ContainsValue(NameColumn))
                    {
                        header = cells.Where(c => ColumnTitles.Contains(c.Value.Trim())).ToDictionary(c => c.Key, c => c.Value.Trim());
                        var missing = ColumnTitles.Except(header.Values).ToList();
                        if (missing.Count > 0)
                        {
                            return ([], $"文件缺少以下列：{string.Join("、", missing)}。请使用导入模板。");
                        }
                    }
                    continue;
                }
                if (cells.Values.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }
                if (rows.Count == MaxRows)
                {
                    return ([], $"一次最多导入 {MaxRows} 行，请分批导入。");
                }
                var number = (int)(row.RowIndex?.Value ?? (uint)(rows.Count + 1));
                rows.Add(new Row(number, header.ToDictionary(h => h.Value, h => cells.GetValueOrDefault(h.Key) ?? "")));
            }
            return header is null ? ([], "没有找到列名行（含“证书编号”“名称”等）。请使用导入模板。")
                : rows.Count == 0 ? ([], "文件中没有数据行。")
                : (rows, null);
        }
        catch (Exception e) when (e is InvalidDataException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or System.IO.IOException
            or System.Xml.XmlException or InvalidOperationException or ArgumentException or FormatException or KeyNotFoundException)
        {
            return ([], "无法读取该文件：请上传由导入模板填写的 .xlsx 文件。");
        }
    }

    private static string Letters(string reference) => new([.. reference.TakeWhile(char.IsLetter)]);

    /// <summary>A cell's text; a date typed into Excel arrives as a serial number and is given back as yyyy-MM-dd.</summary>
    private static string Value(Cell cell, List<string> strings)
    {
        var raw = cell.CellValue?.Text ?? cell.InlineString?.InnerText ?? "";
        if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < strings.Count)
        {
            return strings[index];
        }
        if ((cell.DataType is null || cell.DataType.Value == CellValues.Number) && cell.StyleIndex is not null
            && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 20000 and < 80000)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(serial)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        return raw;
    }
}
