using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Organisations;
using SmeZones.Web.Tests.Infrastructure;
using static SmeZones.Web.Tests.Review.WorkspaceTestData;

namespace SmeZones.Web.Tests.Review;

/// <summary>The inbox /Review read as a reviewer reads it: rows, filters and order from GET parameters.</summary>
[Collection(PortalCollection.Name)]
public class WorkspaceInboxTests(PortalHost host)
{
    [Fact]
    public async Task Guangdong_sees_the_Foshan_application_waiting_with_its_assessment_and_Sichuan_does_not()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.SubmittedZoneAsync(chain);
        using var guangdong = await host.SignedInAsync(chain.Province);
        using var sichuan = await host.SignedInAsync(await host.TestData.CreateUserAsync(OrganisationLevel.ProvincialUnit, "510000", Roles.Reviewer));

        var page = await guangdong.GetDocumentAsync("/Review");
        var other = await sichuan.GetDocumentAsync("/Review");

        Assert.StartsWith("以下是本单位管辖范围内、已报送至本级的申报", page.GetElementById("inbox-intro")!.TextContent, StringComparison.Ordinal);
        var row = Row(page, application.Id)!;
        Assert.NotNull(row);
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(application.Number, cells[0]);
        Assert.Equal(application.Title, cells[1]);
        Assert.Equal(chain.ApplicantOrganisation.Name, cells[2]);
        Assert.Contains("佛山", cells[3], StringComparison.Ordinal);
        Assert.Equal("已提交", cells[4]);
        Assert.Equal("待本级审核", cells[5]);
        Assert.EndsWith("（北京时间）", cells[6], StringComparison.Ordinal);
        Assert.Contains("门槛全部符合", cells[7], StringComparison.Ordinal);
        Assert.Matches(@"符合 \d+ · 不符合 \d+ · 数据缺失 \d+ · 需判断 \d+", cells[7]);
        Assert.Equal("尚未作出审核意见", cells[8]);
        Assert.Contains(chain.Round.Name, Section(page, application.Id).QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
        Assert.Null(Row(other, application.Id));
        Assert.DoesNotContain(application.Number, other.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_finds_by_title_or_number_in_any_case_and_says_so_when_nothing_matches()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var first = await host.SubmittedZoneAsync(chain, UniqueTitle("检索甲"));
        var second = await host.SubmittedZoneAsync(chain, UniqueTitle("检索乙"));
        using var client = await host.SignedInAsync(chain.Province);

        var byTitle = await client.GetDocumentAsync($"/Review?q={Uri.EscapeDataString(first.Title)}");
        var byNumber = await client.GetDocumentAsync($"/Review?q={Uri.EscapeDataString(second.Number.ToLowerInvariant())}");
        var nothing = await client.GetDocumentAsync($"/Review?q={Uri.EscapeDataString("没有这个名称%_")}");

        Assert.Equal([first.Id], Ids(byTitle));
        Assert.Equal([second.Id], Ids(byNumber));
        Assert.Equal(first.Title, byTitle.QuerySelector("#f-q")!.GetAttribute("value"));
        Assert.Empty(Ids(nothing));
        Assert.Equal("没有符合筛选条件的申报。", nothing.QuerySelector(".inbox-empty")!.TextContent.Trim());
    }

    [Fact]
    public async Task Waiting_only_leaves_out_what_moved_on_and_status_and_round_filter_too()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var label = UniqueTitle("筛选");
        var waiting = await host.SubmittedZoneAsync(chain, label + "待审");
        var movedOn = await host.SubmittedZoneAsync(chain, label + "已报");
        var returned = await host.SubmittedZoneAsync(chain, label + "退回");
        await using (var db = host.NewDbContext())
        {
            await db.Applications.Where(a => a.Id == movedOn.Id).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.CurrentStageOrder, 2).SetProperty(a => a.ReachedStageOrder, 2));
            await db.Applications.Where(a => a.Id == returned.Id).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.CurrentStageOrder, 0).SetProperty(a => a.Status, ApplicationStatus.Returned));
        }
        using var client = await host.SignedInAsync(chain.Province);
        var q = Uri.EscapeDataString(label);
        var clusterRound = (await host.TestData.CreateRoundAsync(Programme.Cluster)).Id;

        var all = await client.GetDocumentAsync($"/Review?q={q}");
        var onlyWaiting = await client.GetDocumentAsync($"/Review?q={q}&waiting=true");
        var onlyReturned = await client.GetDocumentAsync($"/Review?q={q}&status=Returned");
        var otherRound = await client.GetDocumentAsync($"/Review?q={q}&campaign={clusterRound}");
        var nonsense = await client.GetDocumentAsync($"/Review?q={q}&status=Nonsense&sort=nonsense&campaign=abc");

        Assert.Equal(new[] { waiting.Id, movedOn.Id, returned.Id }.Order(), Ids(all).Order());
        Assert.Equal("已报送上级", Row(all, movedOn.Id)!.QuerySelector(".inbox-position")!.TextContent.Trim());
        Assert.Equal([waiting.Id], Ids(onlyWaiting));
        Assert.NotNull(onlyWaiting.QuerySelector("#f-waiting[checked]"));
        Assert.Equal([returned.Id], Ids(onlyReturned));
        Assert.Equal("Returned", onlyReturned.QuerySelector("#f-status option[selected]")!.GetAttribute("value"));
        Assert.Empty(Ids(otherRound));
        Assert.Equal(3, Ids(nonsense).Count);
    }

    [Fact]
    public async Task Rows_are_ordered_by_number_title_or_submission_time_as_asked()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var label = UniqueTitle("排序");
        var early = await host.SubmittedZoneAsync(chain, label + "乙");
        var late = await host.SubmittedZoneAsync(chain, label + "甲");
        await using (var db = host.NewDbContext())
        {
            var earlier = late.SubmittedAt!.Value.AddMinutes(-10);
            await db.Applications.Where(a => a.Id == early.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.SubmittedAt, earlier));
        }
        using var client = await host.SignedInAsync(chain.Province);
        var q = Uri.EscapeDataString(label);

        Assert.Equal([late.Id, early.Id], Ids(await client.GetDocumentAsync($"/Review?q={q}")));
        Assert.Equal([early.Id, late.Id], Ids(await client.GetDocumentAsync($"/Review?q={q}&sort=submitted-asc")));
        Assert.Equal([early.Id, late.Id], Ids(await client.GetDocumentAsync($"/Review?q={q}&sort=number")));
        // 甲 (jiǎ) before 乙 (yǐ): titles in pinyin order.
        Assert.Equal([late.Id, early.Id], Ids(await client.GetDocumentAsync($"/Review?q={q}&sort=title")));
    }

    [Fact]
    public async Task The_filter_form_works_without_JavaScript_with_a_label_for_every_control()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        using var client = await host.SignedInAsync(chain.Province);

        var page = await client.GetDocumentAsync("/Review");

        var form = page.QuerySelector("form[method=get]")!;
        Assert.Equal("/Review", form.GetAttribute("action"));
        foreach (var control in form.QuerySelectorAll("select, input"))
        {
            Assert.NotNull(page.QuerySelector($"label[for='{control.Id}']"));
        }
        Assert.Equal(["campaign", "status", "q", "sort", "waiting"], form.QuerySelectorAll("select, input").Select(c => c.GetAttribute("name")));
    }

    private static IElement? Row(IDocument page, Guid id) => page.QuerySelector($"tr[data-application='{id}']");

    private static IElement Section(IDocument page, Guid id) => Row(page, id)!.Closest("section")!;

    private static List<Guid> Ids(IDocument page) =>
        page.QuerySelectorAll("tr[data-application]").Select(r => Guid.Parse(r.GetAttribute("data-application")!)).ToList();
}
