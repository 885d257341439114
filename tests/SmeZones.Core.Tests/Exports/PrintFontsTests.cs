using SmeZones.Core.Exports;
using SmeZones.TestSupport;

namespace SmeZones.Core.Tests.Exports;

/// <summary>
/// PDFs are printed from the cut-down print fonts that <c>scripts/print-fonts.sh</c> installs (ADR 0082), and a
/// character those fonts lack still prints, from the full font the print CSS names next.
/// </summary>
public sealed class PrintFontsTests(PdfRendererFixture fixture) : IClassFixture<PdfRendererFixture>
{
    private static string Document(string families, string body) => $$"""
        <!doctype html>
        <html lang="zh-CN">
        <head><meta charset="utf-8"><style>body { font-family: {{families}}; font-size: 12pt }</style></head>
        <body>{{body}}</body>
        </html>
        """;

    [Fact]
    public void The_print_fonts_are_installed_where_the_renderer_looks_for_them()
    {
        var options = new PdfRendererOptions();
        var directory = Path.GetDirectoryName(options.FontConfigFile)!;

        Assert.True(File.Exists(options.FontConfigFile), $"{options.FontConfigFile} is missing: run scripts/deps.sh");
        // Small enough that copying them into every print job is cheap (the full collections are 21 and 17 MB).
        Assert.InRange(new FileInfo(Path.Combine(directory, "print-song.ttf")).Length, 1_000_000, 8_000_000);
        Assert.InRange(new FileInfo(Path.Combine(directory, "print-hei.ttf")).Length, 1_000_000, 8_000_000);
    }

    [Theory]
    [InlineData("SmeZones Print Song", "UMingCN")]
    [InlineData("SmeZones Print Hei", "WenQuanYiZenHei")]
    public async Task Text_in_a_print_family_is_embedded_from_its_font_as_a_cid_subset(string family, string embedded)
    {
        // No fallback family: were the print fonts not found, fontconfig would substitute some other font.
        var pdf = await fixture.Renderer.RenderAsync(Document($"\"{family}\"", "<p>中外中小企业合作区申报表</p>"), "草稿");

        var fonts = await PdfTools.FontsAsync(pdf);
        Assert.Contains(fonts, f => f.Name.Contains(embedded, StringComparison.Ordinal));
        Assert.All(fonts, f => Assert.Equal("CID TrueType", f.Type));
        Assert.DoesNotContain(fonts, f => f.Name.Contains("Noto", StringComparison.Ordinal));
        Assert.Contains("中外中小企业合作区申报表", PdfTools.Compact(await PdfTools.TextAsync(pdf)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_character_outside_gb2312_prints_from_the_full_font_named_next()
    {
        // 堃 (U+5803) is common in names but not in GB2312, so the cut-down font lacks it.
        var families = "\"SmeZones Print Song\", \"AR PL UMing CN\", serif";

        var pdf = await fixture.Renderer.RenderAsync(Document(families, "<p>法定代表人：王堃</p>"), "草稿");

        Assert.Contains("法定代表人：王堃", PdfTools.Compact(await PdfTools.TextAsync(pdf)), StringComparison.Ordinal);
        var fonts = await PdfTools.FontsAsync(pdf);
        Assert.All(fonts, f => Assert.Equal("CID TrueType", f.Type));
        Assert.DoesNotContain(fonts, f => f.Name.Contains("Noto", StringComparison.Ordinal));
        // One subset from the print font, one from the full collection for 堃.
        Assert.Equal(2, fonts.Count(f => f.Name.Contains("UMingCN", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Without_the_print_fonts_the_same_text_prints_from_the_full_fonts()
    {
        await using var renderer = new ChromiumPdfRenderer(new PdfRendererOptions { FontConfigFile = "/nonexistent/fonts.conf", PoolSize = 1 });
        var families = "\"SmeZones Print Song\", \"AR PL UMing CN\", serif";

        var pdf = await renderer.RenderAsync(Document(families, "<p>中外中小企业合作区申报表</p>"), "草稿");

        Assert.Contains("中外中小企业合作区申报表", PdfTools.Compact(await PdfTools.TextAsync(pdf)), StringComparison.Ordinal);
        Assert.Contains(await PdfTools.FontsAsync(pdf), f => f.Name.Contains("UMingCN", StringComparison.Ordinal));
    }
}
