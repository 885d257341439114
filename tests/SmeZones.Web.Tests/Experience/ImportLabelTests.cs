using System.Net;
using SmeZones.Core.Campaigns;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Experience;

/// <summary>Issue 8 item 8: an import's refused values are named by the form's label and year, not by internal keys.</summary>
[Collection(PortalCollection.Name)]
public class ImportLabelTests(PortalHost host)
{
    [Fact]
    public async Task A_refused_value_is_listed_under_its_official_label_and_year()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.TestData.CreateApplicationAsync(chain.ApplicantOrganisation, chain.Round);
        using var client = await host.SignedInAsync(chain.Applicant);
        var page = await client.GetDocumentAsync($"/Applications/{application.Id}/Import");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            {
                new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(
                    """{"format":"smezones-answers/1","edition":"zone-2026","roundYear":2026,"answers":{"revenue.smeShare.y3":"150","basic.zoneName":"导入的名称"}}""")),
                "file", "answers.json"
            },
        };

        using var response = await client.Http.PostAsync(new Uri($"/Applications/{application.Id}/Import", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await PortalClient.ParseAsync(response);
        var rows = result.QuerySelectorAll("main table tbody tr").ToList();
        var row = Assert.Single(rows);
        var column = row.QuerySelector("td")!.TextContent.Trim();
        Assert.Equal("合作区内中小企业营业收入占比（2025年）", column);
        Assert.DoesNotContain("revenue.", result.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);
    }
}
