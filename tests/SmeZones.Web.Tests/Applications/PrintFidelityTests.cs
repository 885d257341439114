using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SmeZones.Core.Exports;
using SmeZones.TestSupport;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Applications;

/// <summary>
/// The PDF of each complete fixture reads exactly as it did when the print view was a hand-written HTML writer:
/// PrintText/*.txt hold pdftotext's lines of those PDFs (captured on main before the Razor rewrite), with white
/// space removed, since pdftotext spaces Chinese text by glyph positions. Same text, same order, same page breaks
/// (the footer lines "第 N 页 / 共 M 页" are part of the text).
/// </summary>
[Collection(PortalCollection.Name)]
public partial class PrintFidelityTests(PortalHost host)
{
    [Theory]
    [MemberData(nameof(Editions))]
    public async Task The_pdf_of_each_fixture_reads_as_before_the_razor_rewrite(string edition)
    {
        var request = PrintRequests.Draft(edition);
        var renderer = host.Services.GetRequiredService<IPdfRenderer>();

        var pdf = await renderer.RenderAsync(await host.HtmlAsync(request), ApplicationPrint.FooterText(request));

        var expected = await File.ReadAllLinesAsync(Path.Combine(AppContext.BaseDirectory, "Applications", "PrintText", edition + ".txt"));
        var actual = Lines(await PdfTools.TextAsync(pdf));
        var firstDifference = Enumerable.Range(0, Math.Min(expected.Length, actual.Count)).FirstOrDefault(i => expected[i] != actual[i], -1);
        Assert.True(
            firstDifference < 0 && expected.Length == actual.Count,
            firstDifference < 0
                ? $"{expected.Length} lines expected, {actual.Count} printed"
                : $"line {firstDifference + 1}: expected «{expected[firstDifference]}», printed «{actual[firstDifference]}»");
    }

    /// <summary>pdftotext's lines without white space, empty ones dropped: how the expected files were made.</summary>
    private static List<string> Lines(string text) =>
        [.. text.Split('\n').Select(l => Whitespace().Replace(l, "")).Where(l => l.Length > 0)];

    public static TheoryData<string> Editions() => [.. FormFixtures.Editions];

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
