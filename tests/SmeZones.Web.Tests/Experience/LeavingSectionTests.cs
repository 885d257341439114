using System.Net;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Campaigns;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Experience;

/// <summary>Issue 8 item 1: nothing typed is lost when the applicant goes to another section (no JavaScript here).</summary>
[Collection(PortalCollection.Name)]
public class LeavingSectionTests(PortalHost host)
{
    [Fact]
    public async Task The_section_list_inside_an_editable_section_is_made_of_buttons_that_save_this_form()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.TestData.CreateApplicationAsync(chain.ApplicantOrganisation, chain.Round);
        using var client = await host.SignedInAsync(chain.Applicant);

        var page = await client.GetDocumentAsync($"/Applications/{application.Id}/Sections/basic");

        var list = page.QuerySelector("nav[aria-label='申报表各部分']")!;
        var buttons = list.QuerySelectorAll("button[type=submit][name=go]");
        Assert.NotEmpty(buttons);
        Assert.All(buttons, b => Assert.Equal("section-form", b.GetAttribute("form")));
        Assert.NotNull(page.QuerySelector("form#section-form.section-form"));
        // The current section is not a button (it would only save and stay); every other one is.
        Assert.DoesNotContain(buttons, b => b.GetAttribute("value") == "basic");
        Assert.Contains(buttons, b => b.GetAttribute("value") == "cover");
        // Enter in a field saves and stays: the form's first submit button in document order is its own 保存.
        var firstSubmit = page.QuerySelectorAll("button[type=submit]")
            .First(b => b.GetAttribute("form") == "section-form" || b.Closest("form#section-form") is not null);
        Assert.Equal("保存", firstSubmit.TextContent.Trim());
        Assert.Null(firstSubmit.GetAttribute("name"));
    }

    [Fact]
    public async Task Going_to_another_section_from_the_list_saves_what_was_typed_and_then_goes_there()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.TestData.CreateApplicationAsync(chain.ApplicantOrganisation, chain.Round);
        using var client = await host.SignedInAsync(chain.Applicant);

        using var response = await client.SubmitAsync($"/Applications/{application.Id}/Sections/basic",
            new Dictionary<string, string> { ["basic.zoneName"] = "离开前保存合作区", ["go"] = "cover" }, "form.section-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith($"/Applications/{application.Id}/Sections/cover", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await using var db = host.NewDbContext();
        Assert.Equal("离开前保存合作区", (await db.Applications.SingleAsync(a => a.Id == application.Id)).Answers["basic.zoneName"]);
    }

    [Fact]
    public async Task Going_to_another_section_with_a_wrong_value_stays_with_the_value_and_its_error_on_the_page()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.TestData.CreateApplicationAsync(chain.ApplicantOrganisation, chain.Round);
        using var client = await host.SignedInAsync(chain.Applicant);

        using var response = await client.SubmitAsync($"/Applications/{application.Id}/Sections/basic",
            new Dictionary<string, string> { ["basic.zoneName"] = "部分保存合作区", ["revenue.total.y3"] = "12.345", ["go"] = "cover" }, "form.section-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Equal("12.345", page.GetElementById(Web.Infrastructure.FieldIds.For("revenue.total.y3"))!.GetAttribute("value"));
        await using var db = host.NewDbContext();
        Assert.Equal("部分保存合作区", (await db.Applications.SingleAsync(a => a.Id == application.Id)).Answers["basic.zoneName"]);
    }

    [Fact]
    public async Task A_section_list_entry_naming_no_section_of_the_form_keeps_the_applicant_on_the_saved_section()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.TestData.CreateApplicationAsync(chain.ApplicantOrganisation, chain.Round);
        using var client = await host.SignedInAsync(chain.Applicant);

        using var response = await client.SubmitAsync($"/Applications/{application.Id}/Sections/basic",
            new Dictionary<string, string> { ["basic.zoneName"] = "未知去向合作区", ["go"] = "https://example.com/x" }, "form.section-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith($"/Applications/{application.Id}/Sections/basic", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
