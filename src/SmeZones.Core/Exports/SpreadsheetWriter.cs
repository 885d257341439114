using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SmeZones.Core.Exports;

/// <summary>A column of the sheet: its title and its width in Excel character units (a Chinese character is about 2).</summary>
public sealed record SpreadsheetColumn(string Title, double Width);

/// <summary>
/// Builds a one-sheet .xlsx laid out like a government summary table: a merged title row, optional header
/// lines ("省级中小企业主管部门（盖章）："), the column titles, then the data. Printed A4 landscape, fitted to
/// the page width, with the column titles repeated on every page and frozen on screen.
/// </summary>
/// <example>
/// <code>
/// var bytes = new SpreadsheetWriter("汇总表", "2026年中小企业特色产业集群推荐汇总表")
///     .AddHeaderLine("省级中小企业主管部门（盖章）：")
///     .AddColumn("序号", 6).AddColumn("集群名称", 30)
///     .AddRow(1, "余杭区智能装备产业集群")
///     .ToArray();
/// </code>
/// </example>
public sealed class SpreadsheetWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private readonly string _sheetName;
    private readonly string _title;
    private readonly List<string> _headerLines = [];
    private readonly List<SpreadsheetColumn> _columns = [];
    private readonly List<object?[]> _rows = [];

    /// <param name="sheetName">Tab name; characters Excel forbids are replaced and it is cut to 31 characters.</param>
    /// <param name="title">Printed large and bold across all columns in the first row.</param>
    public SpreadsheetWriter(string sheetName, string title)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sheetName);
        ArgumentNullException.ThrowIfNull(title);
        _sheetName = SafeSheetName(sheetName);
        _title = title;
    }

    public SpreadsheetWriter AddHeaderLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _headerLines.Add(text);
        return this;
    }

    public SpreadsheetWriter AddColumn(string title, double width)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, 255);
        _columns.Add(new SpreadsheetColumn(title, width));
        return this;
    }

    public SpreadsheetWriter AddColumns(IEnumerable<SpreadsheetColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        foreach (var column in columns)
        {
            AddColumn(column.Title, column.Width);
        }

        return this;
    }

    /// <summary>Cells are strings, numbers or null (empty), one per column; a shorter row is padded with empty cells.</summary>
    public SpreadsheetWriter AddRow(params object?[] cells)
    {
        _rows.Add([.. Checked(cells)]); // a copy, so the caller reusing its array cannot change a row already added
        return this;
    }

    /// <summary>
    /// Writes the workbook to <paramref name="stream"/> (seekable: the package writer needs one) with the rows added so
    /// far followed by <paramref name="rows"/>, each written as it is read: a national table is never a list in memory.
    /// </summary>
    public async Task WriteRowsAsync(Stream stream, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(rows);
        await BuildAsync(stream, (layout, part) => layout.WriteAsync(part, Added(rows), cancellationToken));

        async IAsyncEnumerable<object?[]> Added(IAsyncEnumerable<object?[]> read)
        {
            foreach (var row in _rows)
            {
                yield return row;
            }
            await foreach (var cells in read.WithCancellation(cancellationToken))
            {
                yield return Checked(cells);
            }
        }
    }

    private object?[] Checked(object?[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length > _columns.Count)
        {
            throw new ArgumentException($"The row has {cells.Length} cells but the sheet has {_columns.Count} columns; add the columns first.", nameof(cells));
        }

        foreach (var cell in cells)
        {
            _ = cell is null || ExportValue.TryFormatNumber(cell, out _); // rejects unsupported types now, not at write time
        }

        return cells;
    }

    public byte[] ToArray()
    {
        using var buffer = new MemoryStream();
        Build(buffer);
        return buffer.ToArray();
    }

    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(ToArray());
    }

    /// <summary>Built in memory first: the package writer needs a seekable stream, and a response body is not one.</summary>
    public async Task WriteToAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        await stream.WriteAsync(ToArray(), cancellationToken);
    }

    private void Build(Stream stream) =>
        BuildAsync(stream, (layout, part) =>
        {
            layout.Write(part, _rows);
            return Task.CompletedTask;
        }).GetAwaiter().GetResult(); // completes synchronously: the sheet's rows are already in memory

    private async Task BuildAsync(Stream stream, Func<WorksheetLayout, WorksheetPart, Task> writeSheet)
    {
        if (_columns.Count == 0)
        {
            throw new InvalidOperationException("Add at least one column before writing the spreadsheet.");
        }

        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = SpreadsheetStyles.Create();
        var strings = new SharedStrings();
        var layout = new WorksheetLayout(_title, _headerLines, _columns, strings);
        var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
        await writeSheet(layout, sheetPart);
        workbookPart.AddNewPart<SharedStringTablePart>().SharedStringTable = strings.Table;

        var headerRow = layout.HeaderRowIndex;
        workbookPart.Workbook = new Workbook(
            new Sheets(new Sheet { Name = _sheetName, SheetId = 1, Id = workbookPart.GetIdOfPart(sheetPart) }),
            // Excel's own name for "rows to repeat at top"; sheet-local, hence LocalSheetId.
            new DefinedNames(new DefinedName($"'{_sheetName.Replace("'", "''", StringComparison.Ordinal)}'!${headerRow}:${headerRow}")
            {
                Name = "_xlnm.Print_Titles",
                LocalSheetId = 0,
            }));
    }

    private static string SafeSheetName(string name)
    {
        var chars = name.Select(c => c is '[' or ']' or ':' or '*' or '?' or '/' or '\\' ? '_' : c).ToArray();
        var safe = new string(chars).Trim('\'');
        safe = safe.Length > 31 ? safe[..31] : safe;
        return safe.Length == 0 ? "Sheet1" : safe;
    }
}
