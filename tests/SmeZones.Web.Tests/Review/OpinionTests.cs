using System.Net;
using SmeZones.Core.Applications;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Organisations;
using SmeZones.TestSupport;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Review;

/// <summary>
/// The 推荐意见 where the paper form has its place, and what the levels of a chain see of each other's opinions and
/// returns (issue 8 item 11, ADR 0056). Every step goes through the review pages as a browser without JavaScript would.
/// </summary>
[Collection(PortalCollection.Name)]
public class OpinionTests(PortalHost host)
{
    private const string Opinion = "该合作区开放合作水平较高，同意推荐。";

    [Fact]
    public async Task The_signed_off_opinion_prints_in_the_forms_place_with_the_recommending_unit_and_date()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.SubmittedAsync(chain);
        using var province = await host.SignedInAsync(chain.Province);
        await DecideAsync(province, application, Opinion);
        await SignOffAsync(province, application);

        var text = await PdfTextAsync(province, $"/Review/Applications/{application.Id}/Pdf");

        // The last section, where the opinion row is; pdftotext may put the opinion beside the wrapped label.
        var place = text[text.IndexOf("七、真实性声明及推荐意见", StringComparison.Ordinal)..];
        Assert.Contains(PdfTools.Compact(Opinion), place, StringComparison.Ordinal);
        Assert.Contains("推荐单位（公章）：" + chain.ProvinceOrganisation.Name, place, StringComparison.Ordinal);
        Assert.Contains(ChinaTime.FormatDate(host.Clock.GetUtcNow()), place, StringComparison.Ordinal);
        Assert.DoesNotContain("尚未签发", place, StringComparison.Ordinal);
        // The applicant's copy of the submitted form carries it too, once signed off.
        using var applicant = await host.SignedInAsync(chain.Applicant);
        Assert.Contains(PdfTools.Compact(Opinion), await PdfTextAsync(applicant, $"/Applications/{application.Id}/Pdf"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unsigned_opinion_prints_marked_for_its_own_unit_only()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.SubmittedAsync(chain);
        using var province = await host.SignedInAsync(chain.Province);
        await DecideAsync(province, application, Opinion);

        var own = await PdfTextAsync(province, $"/Review/Applications/{application.Id}/Pdf");
        using var applicant = await host.SignedInAsync(chain.Applicant);
        var applicants = await PdfTextAsync(applicant, $"/Applications/{application.Id}/Pdf");

        Assert.Contains(PdfTools.Compact(Opinion), own, StringComparison.Ordinal);
        Assert.Contains("（本级尚未签发）", own, StringComparison.Ordinal);
        Assert.DoesNotContain(PdfTools.Compact(Opinion), applicants, StringComparison.Ordinal);
        Assert.DoesNotContain(chain.ProvinceOrganisation.Name, applicants, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_next_level_sees_the_lower_levels_opinion_and_the_lower_level_sees_why_it_was_returned()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.SubmittedAsync(chain);
        using var province = await host.SignedInAsync(chain.Province);
        var before = await province.GetDocumentAsync($"/Review/Applications/{application.Id}");
        Assert.Null(before.GetElementById("returns-from-above"));
        await DecideAsync(province, application, Opinion);
        await SignOffAsync(province, application);
        using var ministry = await host.SignedInAsync(await host.TestData.CreateUserAsync(Roles.Ministry));

        var atMinistry = await ministry.GetDocumentAsync($"/Review/Applications/{application.Id}");
        var decision = await ministry.GetDocumentAsync($"/Review/Applications/{application.Id}/Decision");
        using var returned = await ministry.SubmitAsync($"/Review/Applications/{application.Id}/Return",
            new Dictionary<string, string> { ["Comments[basic]"] = "四至范围表述不清。", ["General"] = "请核实外资企业数量。" });
        var atProvince = await province.GetDocumentAsync($"/Review/Applications/{application.Id}");

        var lower = atMinistry.GetElementById("lower-opinions")?.TextContent ?? "";
        Assert.Contains(Opinion, lower, StringComparison.Ordinal);
        Assert.Contains(chain.ProvinceOrganisation.Name, lower, StringComparison.Ordinal);
        Assert.Contains(Opinion, decision.GetElementById("lower-opinions")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Contains("申报表上没有本级的推荐意见栏", decision.QuerySelector("label[for=f-Opinion]")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        var fromAbove = atProvince.GetElementById("returns-from-above")?.TextContent ?? "";
        Assert.Contains("请核实外资企业数量。", fromAbove, StringComparison.Ordinal);
        Assert.Contains("四至范围表述不清。", fromAbove, StringComparison.Ordinal);
        Assert.Contains("基本情况", fromAbove, StringComparison.Ordinal);
    }

    [Fact]
    public async Task At_the_forms_stage_the_decision_page_says_where_the_opinion_prints_and_that_the_summary_has_no_column()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.SubmittedAsync(chain);
        using var province = await host.SignedInAsync(chain.Province);

        var page = await province.GetDocumentAsync($"/Review/Applications/{application.Id}/Decision");

        var label = page.QuerySelector("label[for=f-Opinion]")?.TextContent ?? "";
        Assert.Contains("打印在申报表的推荐意见栏", label, StringComparison.Ordinal);
        Assert.Contains("推荐汇总表没有推荐意见栏", label, StringComparison.Ordinal);
    }

    private static async Task DecideAsync(PortalClient reviewer, Application application, string opinion)
    {
        using var response = await reviewer.SubmitAsync($"/Review/Applications/{application.Id}/Decision",
            new Dictionary<string, string> { ["Decision"] = "Recommend", ["Opinion"] = opinion }, "form#decision-form");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, (await PortalClient.ParseAsync(response)).QuerySelector("main")?.TextContent);
    }

    private static async Task SignOffAsync(PortalClient reviewer, Application application)
    {
        using var response = await reviewer.SubmitAsync($"/Review/Applications/{application.Id}/Decision",
            new Dictionary<string, string> { ["Confirm"] = "true" }, "form#signoff-form");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, (await PortalClient.ParseAsync(response)).QuerySelector("main")?.TextContent);
    }

    private static async Task<string> PdfTextAsync(PortalClient client, string url)
    {
        using var response = await client.Http.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return PdfTools.Compact(await PdfTools.TextAsync(await response.Content.ReadAsByteArrayAsync()));
    }
}
