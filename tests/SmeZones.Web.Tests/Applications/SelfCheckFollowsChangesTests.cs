using System.Net;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Campaigns;
using SmeZones.Web.Tests.Infrastructure;
using SmeZones.Web.Tests.Review;

namespace SmeZones.Web.Tests.Applications;

/// <summary>
/// The self-check is kept in process between GETs (ADR 0073); whatever changes what it is made from shows on the next
/// page, a section page's or the self-check page (ADR 0089), whoever made the change.
/// </summary>
[Collection(PortalCollection.Name)]
public class SelfCheckFollowsChangesTests(PortalHost host)
{
    [Fact]
    public async Task Answers_changed_other_than_by_the_section_page_show_on_the_next_page()
    {
        var (_, application, client) = await SavedDraftAsync();
        using (client)
        {
            var section = $"/Applications/{application.Id}/Sections/basic";
            var whole = $"/Applications/{application.Id}/SelfCheck";
            Assert.Equal("不符合", await BadgeAsync(client, section, "gate.noMajorIncident"));
            Assert.Equal("不符合", await BadgeAsync(client, whole, "gate.noMajorIncident"));
            await using (var db = host.NewDbContext())
            {
                var saved = await db.Applications.SingleAsync(a => a.Id == application.Id);
                saved.Answers = new Dictionary<string, string>(saved.Answers) { ["basic.majorIncident"] = "no" };
                await db.SaveChangesAsync();
            }

            Assert.Equal("符合", await BadgeAsync(client, section, "gate.noMajorIncident"));
            Assert.Equal("符合", await BadgeAsync(client, whole, "gate.noMajorIncident"));
        }
    }

    [Fact]
    public async Task Province_reference_figures_entered_after_a_page_was_shown_show_on_the_next_page()
    {
        var (chain, application, client) = await SavedDraftAsync();
        using (client)
        {
            var before = await PanelAsync(client, application.Id);
            await using (var db = host.NewDbContext())
            {
                var saved = await db.Applications.SingleAsync(a => a.Id == application.Id);
                db.ProvinceReferenceFigures.Add(new ProvinceReferenceFigures
                {
                    CampaignId = chain.Round.Id, RegionCode = saved.ProvincialUnitCode, FdiGrowthAverage = 987.6m, ExportGrowthAverage = 876.5m,
                    EnteredById = chain.Applicant.Id, EnteredAt = DateTimeOffset.UtcNow,
                });
                await db.SaveChangesAsync();
            }

            var after = await PanelAsync(client, application.Id);

            Assert.DoesNotContain("987.6", before.TextContent, StringComparison.Ordinal);
            Assert.Contains("987.6", after.TextContent, StringComparison.Ordinal);
        }
    }

    /// <summary>A zone draft whose 基本情况 the applicant has saved through the page (a failing gate: 重大事故 yes).</summary>
    private async Task<(RoundChain, Core.Applications.Application, PortalClient)> SavedDraftAsync()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.TestData.CreateApplicationAsync(chain.ApplicantOrganisation, chain.Round);
        await using (var db = host.NewDbContext())
        {
            var draft = await db.Applications.SingleAsync(a => a.Id == application.Id);
            draft.Answers = WorkspaceTestData.ZoneAnswers("佛山自查跟随合作区");
            await db.SaveChangesAsync();
        }
        var client = await host.SignedInAsync(chain.Applicant);
        using var response = await client.SubmitAsync($"/Applications/{application.Id}/Sections/basic",
            new Dictionary<string, string> { ["basic.majorIncident"] = "yes" }, "form.section-form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (chain, application, client);
    }

    /// <summary>The requirement's outcome as a page shows it (a section page's self-check, or the self-check page).</summary>
    private static async Task<string> BadgeAsync(PortalClient client, string url, string requirement) =>
        (await client.GetDocumentAsync(url)).QuerySelector($".assessment li[data-requirement='{requirement}'] .badge")!.TextContent.Trim();

    private static async Task<AngleSharp.Dom.IElement> PanelAsync(PortalClient client, Guid applicationId) =>
        (await client.GetDocumentAsync($"/Applications/{applicationId}/Sections/openness")).QuerySelector("aside.self-check")!;
}
