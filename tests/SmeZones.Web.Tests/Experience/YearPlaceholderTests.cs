using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Forms;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Experience;

/// <summary>
/// Issue 8 item 10: every text of a definition resolves its year placeholders on every page. For every edition, the
/// applicant's overview, each section page, the evidence, summary, check and print pages show no raw <c>{y</c>.
/// </summary>
[Collection(PortalCollection.Name)]
public class YearPlaceholderTests(PortalHost host)
{
    public static TheoryData<string> Editions => [.. FormEditionCatalogue.Default.ApplicationForms.Select(d => d.Key)];

    [Theory]
    [MemberData(nameof(Editions))]
    public async Task No_page_of_a_draft_shows_a_raw_year_placeholder(string editionKey)
    {
        var definition = FormEditionCatalogue.Default.Get(editionKey);
        var chain = await host.TestData.CreateRoundChainAsync(definition.Programme);
        var draft = await host.TestData.CreateApplicationAsync(chain.ApplicantOrganisation, chain.Round);
        await using (var db = host.NewDbContext())
        {
            (await db.Applications.SingleAsync(a => a.Id == draft.Id)).FormEditionKey = editionKey;
            await db.SaveChangesAsync();
        }
        using var client = await host.SignedInAsync(chain.Applicant);

        var pages = new[] { "", "/Evidence", "/Summary", "/Submit", "/Print" }
            .Concat(SectionProgressReport.Headings(definition).Select(h => "/Sections/" + h.Key));
        var raw = new List<string>();
        foreach (var path in pages)
        {
            var page = await client.GetDocumentAsync($"/Applications/{draft.Id}{path}");
            var text = string.Join(" ", (page.Body!.TextContent + " " + string.Join(' ', page.QuerySelectorAll("[aria-label]").Select(e => e.GetAttribute("aria-label")))).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            var at = text.IndexOf("{y", StringComparison.Ordinal);
            if (at >= 0)
            {
                raw.Add($"{path}: …{text[Math.Max(0, at - 30)..Math.Min(text.Length, at + 20)]}…");
            }
        }

        Assert.True(raw.Count == 0, "Raw year placeholders: " + string.Join(" | ", raw));
    }
}
