using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SmeZones.TestSupport;

/// <summary>Reads a PDF back with poppler-utils, as a person checking the file would.</summary>
public static partial class PdfTools
{
    public static async Task<string> TextAsync(byte[] pdf) => await RunOnFileAsync(pdf, "pdftotext", "-layout", "{0}", "-");

    /// <summary>The text without white space: pdftotext spaces Chinese text unpredictably, so compare it compacted.</summary>
    public static string Compact(string text) => Whitespace().Replace(text, "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    public static async Task<(double Width, double Height, int Pages)> InfoAsync(byte[] pdf)
    {
        var info = await RunOnFileAsync(pdf, "pdfinfo", "{0}");
        var size = PageSize().Match(info);
        if (!size.Success)
        {
            throw new InvalidOperationException($"pdfinfo printed no page size:\n{info}");
        }
        var pages = Pages().Match(info);
        return (
            double.Parse(size.Groups[1].Value, CultureInfo.InvariantCulture),
            double.Parse(size.Groups[2].Value, CultureInfo.InvariantCulture),
            int.Parse(pages.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>One font of a PDF as pdffonts lists it.</summary>
    public sealed record PdfFont(string Name, string Type, string Encoding, bool Embedded, bool Subset);

    /// <summary>The fonts the PDF uses (pdffonts: name, type such as "CID TrueType" or "Type 3", embedded, subset).</summary>
    public static async Task<IReadOnlyList<PdfFont>> FontsAsync(byte[] pdf)
    {
        var lines = (await RunOnFileAsync(pdf, "pdffonts", "{0}")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // Columns are fixed-width, as the dashes under the heading show; a type may hold a space ("Type 3").
        var rule = Array.FindIndex(lines, l => l.StartsWith("----", StringComparison.Ordinal));
        if (rule < 0)
        {
            throw new InvalidOperationException($"pdffonts printed no table:\n{string.Join('\n', lines)}");
        }

        var columns = new List<(int Start, int Length)>();
        foreach (Match dashes in Dashes().Matches(lines[rule]))
        {
            columns.Add((dashes.Index, dashes.Length));
        }

        string Cell(string line, int i) =>
            columns[i].Start >= line.Length ? "" : line.Substring(columns[i].Start, Math.Min(columns[i].Length, line.Length - columns[i].Start)).Trim();

        return [.. lines.Skip(rule + 1).Select(l => new PdfFont(Cell(l, 0), Cell(l, 1), Cell(l, 2), Cell(l, 3) == "yes", Cell(l, 4) == "yes"))];
    }

    [GeneratedRegex("-+")]
    private static partial Regex Dashes();

    private static async Task<string> RunOnFileAsync(byte[] pdf, string tool, params string[] args)
    {
        var path = Path.Combine(Path.GetTempPath(), $"smezones-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in args)
            {
                start.ArgumentList.Add(string.Format(CultureInfo.InvariantCulture, arg, path));
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{tool} failed: {await error}");
            }
            return await output;
        }
        finally
        {
            File.Delete(path);
        }
    }

    [GeneratedRegex(@"Page size:\s+([\d.]+) x ([\d.]+) pts")]
    private static partial Regex PageSize();

    [GeneratedRegex(@"Pages:\s+(\d+)")]
    private static partial Regex Pages();
}
