using System.Net;
using AngleSharp.Dom;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Forms;
using SmeZones.TestSupport;
using SmeZones.Web.Tests.Infrastructure;
using static SmeZones.Web.Tests.Review.WorkspaceTestData;

namespace SmeZones.Web.Tests.Experience;

/// <summary>
/// Issue 8 item 9 through the app: "无" typed in every cell of the unused 新增指标 rows of the 复核 form's plan tables is
/// saved as typed, raises no error, leaves the section done, prints as 无 and changes nothing in the reviewer's counts.
/// </summary>
[Collection(PortalCollection.Name)]
public class NotApplicableRowPageTests(PortalHost host)
{
    [Fact]
    public async Task None_in_the_unused_added_rows_saves_without_error_counts_as_done_and_prints_as_typed()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.ClusterReview);
        var draft = await host.TestData.CreateCompleteDraftAsync(chain.ApplicantOrganisation, chain.Round);
        var (section, post, rows) = PlanSectionWithNone(draft.FormEditionKey, chain.Round.Year, new FormAnswers(draft.Answers));
        using var client = await host.SignedInAsync(chain.Applicant);
        var url = $"/Applications/{draft.Id}/Sections/{section}";

        using var response = await client.SubmitAsync(url, post, "form.section-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetDocumentAsync(url);
        Assert.Empty(page.QuerySelectorAll(".field-error"));
        var current = page.QuerySelector("nav[aria-label=申报表各部分] li.active")!;
        Assert.Equal("已完成", current.QuerySelector(".badge")!.TextContent.Trim());
        var check = await client.GetDocumentAsync($"/Applications/{draft.Id}/Submit");
        Assert.DoesNotContain(check.QuerySelectorAll("section[aria-labelledby=problems-title] li a"),
            a => a.GetAttribute("href")!.Contains($"/Sections/{section}", StringComparison.Ordinal));
        var print = await client.GetDocumentAsync($"/Applications/{draft.Id}/Print");
        Assert.Equal(rows, print.QuerySelectorAll("table.inner tr").Count(AllNone));
    }

    [Fact]
    public async Task The_reviewer_counts_the_same_for_rows_of_none_as_for_blank_rows_and_reads_no_none_as_a_figure()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.ClusterReview);
        var blank = FormFixtures.Complete("cluster-review-xj");
        var (_, post, _) = PlanSectionWithNone("cluster-review-xj", chain.Round.Year, blank);
        var none = new FormAnswers(blank.Values);
        foreach (var (key, value) in post)
        {
            none.Set(key, value);
        }
        var withBlank = await host.TestData.CreateSubmittedApplicationAsync(chain.ApplicantOrganisation, chain.Round, blank.Values, UniqueTitle("空行集群"));
        var withNone = await host.TestData.CreateSubmittedApplicationAsync(chain.ApplicantOrganisation, chain.Round, none.Values, UniqueTitle("无行集群"));
        using var client = await host.SignedInAsync(chain.Prefecture!);

        var inbox = await client.GetDocumentAsync("/Review");
        var detail = await client.GetDocumentAsync($"/Review/Applications/{withNone.Id}");
        var detailOfBlank = await client.GetDocumentAsync($"/Review/Applications/{withBlank.Id}");

        string Counts(Guid id) => inbox.QuerySelector($"tr[data-application='{id}'] .inbox-assessment")!.TextContent.Trim();
        Assert.Matches(@"数据缺失 \d+", Counts(withNone.Id));
        Assert.Equal(Counts(withBlank.Id), Counts(withNone.Id));
        Assert.DoesNotContain("（“无”）", detail.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Requirements(detailOfBlank), Requirements(detail));
    }

    /// <summary>
    /// The post of the section holding the plan tables: the saved answers of the section, and "无" in every cell of
    /// each added row left blank; with the number of such rows.
    /// </summary>
    private static (string Section, Dictionary<string, string> Post, int Rows) PlanSectionWithNone(string edition, int year, FormAnswers saved)
    {
        var slots = FormAnswerKeys.For(FormEditionCatalogue.Default.Get(edition), year);
        var section = slots.First(s => s.OptionalRow?.StartsWith("plan.achievement.", StringComparison.Ordinal) == true).SectionKey;
        var post = slots.Where(s => s.SectionKey == section && saved.IsFilled(s.Key)).ToDictionary(s => s.Key, s => saved.Get(s.Key)!);
        var unused = slots.Where(s => s.SectionKey == section && s.OptionalRow is not null).GroupBy(s => s.OptionalRow!)
            .Where(row => row.All(s => !saved.IsFilled(s.Key))).ToList();
        Assert.True(unused.Count >= 10, $"{unused.Count} unused added rows");
        foreach (var cell in unused.SelectMany(row => row))
        {
            post[cell.Key] = "无";
        }
        return (section, post, unused.Count);
    }

    private static List<string> Requirements(IDocument page) =>
        page.QuerySelectorAll("li[data-requirement]").Select(li => $"{li.GetAttribute("data-requirement")} {li.GetAttribute("data-outcome")}").ToList();

    private static bool AllNone(IElement row)
    {
        var cells = row.QuerySelectorAll("th:last-of-type, td").ToList();
        return cells.Count >= 3 && cells.All(c => c.TextContent.Trim() == "无");
    }
}
