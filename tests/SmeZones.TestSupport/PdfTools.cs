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
