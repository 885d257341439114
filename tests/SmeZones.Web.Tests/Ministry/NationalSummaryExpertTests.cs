using System.Text;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Organisations;
using SmeZones.TestSupport;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Ministry;

/// <summary>The national summary's expert aggregate column, read back from each of its three downloads.</summary>
[Collection(PortalCollection.Name)]
public class NationalSummaryExpertTests(PortalHost host)
{
    private const string Column = "专家评审（去掉最高最低分后平均）";

    // Two sheets each: 80 and 70 points (mean 75, spread 10); 90 and 65 (mean 77.5, spread 25 ≥ the default 20: flagged).
    private static readonly Dictionary<string, decimal> Eighty = Points(12, 24, 16, 12, 16);
    private static readonly Dictionary<string, decimal> Seventy = Points(10, 22, 14, 10, 14);
    private static readonly Dictionary<string, decimal> Ninety = Points(14, 28, 18, 14, 16);
    private static readonly Dictionary<string, decimal> SixtyFive = Points(10, 20, 12, 10, 13);

    [Fact]
    public async Task The_xlsx_CSV_and_PDF_carry_each_recommendations_expert_aggregate_verdict_and_flag()
    {
        var (chain, even, split, unscored) = await ScoredRoundAsync();
        using var client = await host.SignedInAsync(await host.TestData.CreateUserAsync(Roles.Ministry));

        var xlsx = NationalSheets.Read(await DownloadAsync(client, "Xlsx", chain));
        var header = xlsx.FindIndex(r => r.Contains(Column));
        Assert.True(header >= 0, "The .xlsx has the expert aggregate column.");
        var column = xlsx[header].IndexOf(Column);
        string XlsxCell(string title) => xlsx.Single(r => r.Contains(title))[column];
        Assert.Equal("75分（2份评分）；达到认定要求", XlsxCell(even));
        Assert.Equal("77.5分（2份评分）；达到认定要求；意见分歧", XlsxCell(split));
        Assert.Equal("尚无评分", XlsxCell(unscored));

        var csv = Encoding.UTF8.GetString((await DownloadAsync(client, "Csv", chain))[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Trim('"').Split("\",\"")).ToList();
        var csvColumn = Array.IndexOf(csv[0], Column);
        Assert.Equal(csv[0].Length - 1, csvColumn);
        Assert.Equal(Array.IndexOf(csv[0], "预评估结论（省级签发时）") + 1, csvColumn);
        string CsvCell(string title) => csv.Single(r => r.Contains(title))[csvColumn];
        Assert.Equal("75分（2份评分）；达到认定要求", CsvCell(even));
        Assert.Equal("77.5分（2份评分）；达到认定要求；意见分歧", CsvCell(split));
        Assert.Equal("尚无评分", CsvCell(unscored));

        // The PDF's narrow column wraps its text between the other columns' lines: read it in pieces, row by row.
        var pdf = PdfTools.Compact(await PdfTools.TextAsync(await DownloadAsync(client, "Pdf", chain)));
        Assert.Contains("专家", pdf, StringComparison.Ordinal);
        // Each row starts with its unit then its title's first characters (the unique tag wraps to a later line).
        var rows = pdf.Split("广东省测试合作区")[1..];
        Assert.Equal(3, rows.Length);
        Assert.Contains(even[^8..], rows[0], StringComparison.Ordinal);
        Assert.Contains("75分", rows[0], StringComparison.Ordinal);
        Assert.Contains("达到认定要求", rows[0], StringComparison.Ordinal);
        Assert.DoesNotContain("意见分歧", rows[0], StringComparison.Ordinal);
        Assert.Contains(split[^8..], rows[1], StringComparison.Ordinal);
        Assert.Contains("77.5", rows[1], StringComparison.Ordinal);
        Assert.Contains("意见分歧", rows[1], StringComparison.Ordinal);
        Assert.Contains(unscored[^8..], rows[2], StringComparison.Ordinal);
        Assert.Contains("尚无", rows[2], StringComparison.Ordinal);
    }

    /// <summary>A round with three signed-off recommendations: evenly scored, scored far apart, and not scored.</summary>
    private async Task<(RoundChain Chain, string Even, string Split, string Unscored)> ScoredRoundAsync()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var signedOffAt = host.Clock.GetUtcNow().AddMinutes(-5);
        async Task<string> ScoredAsync(params Dictionary<string, decimal>[] sheets)
        {
            var application = await host.TestData.CreateRecommendationAsync(chain, chain.ApplicantOrganisation, chain.ProvinceOrganisation, signedOffAt);
            foreach (var sheet in sheets)
            {
                await host.TestData.CreateSubmittedSheetAsync(application, sheet);
            }
            return application.Title;
        }
        return (chain, await ScoredAsync(Eighty, Seventy), await ScoredAsync(Ninety, SixtyFive), await ScoredAsync());
    }

    private static async Task<byte[]> DownloadAsync(PortalClient client, string handler, RoundChain chain)
    {
        using var response = await client.Http.GetAsync(new Uri($"/Ministry/Overview?handler={handler}&campaignId={chain.Round.Id}", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static Dictionary<string, decimal> Points(decimal plan, decimal openness, decimal innovation, decimal quality, decimal service) => new()
    {
        ["plan"] = plan, ["openness"] = openness, ["innovation"] = innovation, ["quality"] = quality, ["service"] = service,
    };
}
