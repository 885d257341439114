using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Campaigns;
using SmeZones.Web.Infrastructure;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Experience;

/// <summary>Issue 8 item 7: what the cover asks and 一、基本情况 asks again is prefilled there, still editable.</summary>
[Collection(PortalCollection.Name)]
public class RepeatedFieldTests(PortalHost host)
{
    [Fact]
    public async Task The_cover_s_name_authority_and_operator_are_prefilled_in_the_basic_section_and_a_typed_value_wins()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.TestData.CreateApplicationAsync(chain.ApplicantOrganisation, chain.Round);
        await using (var db = host.NewDbContext())
        {
            var draft = await db.Applications.SingleAsync(a => a.Id == application.Id);
            draft.Answers = new Dictionary<string, string>
            {
                ["cover.zoneName"] = "封面合作区", ["cover.authority"] = "封面主管部门", ["cover.operator"] = "封面运营机构",
                ["basic.operator"] = "基本情况里另填的机构",
            };
            await db.SaveChangesAsync();
        }
        using var client = await host.SignedInAsync(chain.Applicant);

        var page = await client.GetDocumentAsync($"/Applications/{application.Id}/Sections/basic");

        Assert.Equal("封面合作区", page.GetElementById(FieldIds.For("basic.zoneName"))!.GetAttribute("value"));
        Assert.Equal("封面主管部门", page.GetElementById(FieldIds.For("basic.authority"))!.GetAttribute("value"));
        Assert.Equal("基本情况里另填的机构", page.GetElementById(FieldIds.For("basic.operator"))!.GetAttribute("value"));
        Assert.Null(page.GetElementById(FieldIds.For("basic.zoneName"))!.GetAttribute("readonly"));
        // Shown, not yet saved: saving the section keeps it.
        await using var after = host.NewDbContext();
        Assert.False((await after.Applications.SingleAsync(a => a.Id == application.Id)).Answers.ContainsKey("basic.zoneName"));
    }
}
