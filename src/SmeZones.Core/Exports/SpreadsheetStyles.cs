using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SmeZones.Core.Exports;

/// <summary>The workbook's few cell styles; the constants are indexes into <see cref="Create"/>'s CellFormats.</summary>
internal static class SpreadsheetStyles
{
    public const uint Title = 1;
    public const uint HeaderLine = 2;
    public const uint ColumnTitle = 3;
    public const uint Text = 4;
    public const uint Number = 5;

    // Formats 0–5 above, then the same six again with Excel's quote prefix, in the same order.
    private const uint BaseCount = 6;

    /// <summary>The same look with the quote prefix, for text a spreadsheet program would otherwise take for a formula.</summary>
    public static uint QuotedTwin(uint style) => style < BaseCount ? style + BaseCount : style;

    // 宋体 (SimSun) is what government forms use; programs without it substitute a CJK font.
    private const string FontName = "宋体";

    public static Stylesheet Create() => new(
        new Fonts(Font(11, bold: false), Font(16, bold: true), Font(11, bold: true)) { Count = 3 },
        // Fills 0 and 1 are reserved by the format (none, gray125) whether used or not.
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFD9E1F2" }) { PatternType = PatternValues.Solid }))
        { Count = 3 },
        new Borders(new Border(), ThinBorder()) { Count = 2 },
        new CellStyleFormats(new CellFormat { FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        CellFormats(),
        // Excel reports the file as damaged without the built-in "Normal" style.
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    private static CellFormats CellFormats()
    {
        CellFormat[] formats =
        [
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            Format(fontId: 1, fillId: 0, borderId: 0, HorizontalAlignmentValues.Center, wrap: false),
            Format(fontId: 0, fillId: 0, borderId: 0, HorizontalAlignmentValues.Left, wrap: false),
            Format(fontId: 2, fillId: 2, borderId: 1, HorizontalAlignmentValues.Center, wrap: true),
            Format(fontId: 0, fillId: 0, borderId: 1, HorizontalAlignmentValues.Left, wrap: true),
            Format(fontId: 0, fillId: 0, borderId: 1, HorizontalAlignmentValues.Right, wrap: false),
        ];
        var quoted = formats.Select(f =>
        {
            var twin = (CellFormat)f.CloneNode(deep: true);
            twin.QuotePrefix = true;
            return twin;
        });
        var all = formats.Concat(quoted).ToArray();
        return new CellFormats(all) { Count = (uint)all.Length };
    }

    private static Font Font(double size, bool bold)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        font.Append(new FontSize { Val = size }, new FontName { Val = FontName }, new FontFamilyNumbering { Val = 2 });
        return font;
    }

    private static Border ThinBorder() => new(
        new LeftBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
        new RightBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
        new TopBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
        new BottomBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
        new DiagonalBorder());

    private static CellFormat Format(uint fontId, uint fillId, uint borderId, HorizontalAlignmentValues horizontal, bool wrap) => new(
        new Alignment { Horizontal = horizontal, Vertical = VerticalAlignmentValues.Center, WrapText = wrap ? true : null })
    {
        FontId = fontId,
        FillId = fillId,
        BorderId = borderId,
        FormatId = 0,
        ApplyFont = true,
        ApplyFill = fillId != 0,
        ApplyBorder = borderId != 0,
        ApplyAlignment = true,
    };
}
