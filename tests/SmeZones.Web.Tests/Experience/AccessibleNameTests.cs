using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Forms;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Experience;

/// <summary>
/// Issue 8 item 5: a screen reader tells every control and every group apart. On every section page of every edition,
/// no two fields share an accessible name (a text control's label, a group's legend, hidden parts included).
/// </summary>
[Collection(PortalCollection.Name)]
public class AccessibleNameTests(PortalHost host)
{
    public static TheoryData<string> Editions => [.. FormEditionCatalogue.Default.ApplicationForms.Select(d => d.Key)];

    [Theory]
    [MemberData(nameof(Editions))]
    public async Task No_two_fields_of_a_section_page_share_an_accessible_name(string editionKey)
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

        var duplicates = new List<string>();
        foreach (var (key, heading) in SectionProgressReport.Headings(definition))
        {
            var page = await client.GetDocumentAsync($"/Applications/{draft.Id}/Sections/{key}");
            var form = page.QuerySelector("form.section-form")!;
            var names = form.QuerySelectorAll("input:not([type=hidden]):not([type=radio]):not([type=checkbox]), textarea, select")
                .Select(c => Normalise(page.QuerySelector($"label[for='{c.Id}']")?.TextContent ?? c.GetAttribute("aria-label") ?? ""))
                .Concat(form.QuerySelectorAll("fieldset > legend").Select(l => Normalise(l.TextContent)));
            duplicates.AddRange(names.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => $"{heading}: {g.Key} ×{g.Count()}"));
        }

        Assert.True(duplicates.Count == 0, "Shared accessible names: " + string.Join(" | ", duplicates));
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
