using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Exports;
using SmeZones.Core.Review;
using SmeZones.Web.Tests.Infrastructure;
using SmeZones.Web.Tests.Review;

namespace SmeZones.Web.Tests.Ministry;

/// <summary>
/// The national .xlsx is written as its rows are read, with the summary's answer column read in SQL
/// (issue 13 item 4): the same workbook as the table the CSV and PDF come from, the answers as submitted.
/// </summary>
[Collection(PortalCollection.Name)]
public class NationalSummaryStreamedTests(PortalHost host)
{
    [Fact]
    public async Task The_streamed_spreadsheet_holds_the_national_table_cell_for_cell_with_each_submitted_operator()
    {
        var round = await host.NationalRoundAsync();
        var tricky = "=1+1 <运营&管理> \"中心\"\n第二行";
        var withOperator = await host.AtProvinceAsync(round, round.Foshan, ReviewDecision.Recommend, signedOff: true, answers: Answers("甲", tricky));
        var withoutOperator = await host.AtProvinceAsync(round, round.Chengdu, ReviewDecision.Recommend, signedOff: true, answers: Answers("乙", null));
        // Returned after sign-off and changed since: the table shows what was submitted, not the new draft.
        var revised = await host.AtProvinceAsync(round, round.Foshan, ReviewDecision.Recommend, signedOff: true, answers: Answers("丙", "原运营机构"));
        await using (var db = host.NewDbContext())
        {
            var application = await db.Applications.SingleAsync(a => a.Id == revised.Id);
            application.Status = ApplicationStatus.Returned;
            application.Answers = new Dictionary<string, string>(application.Answers) { ["basic.operator"] = "退回后改的运营机构" };
            await db.SaveChangesAsync();
        }
        using var client = await host.SignedInAsync(round.Ministry);

        using var response = await client.Http.GetAsync(new Uri($"/Ministry/Overview?handler=Xlsx&campaignId={round.Id}", UriKind.Relative));

        var streamed = NationalSheets.Read(await response.Content.ReadAsByteArrayAsync());
        await using var read = host.NewDbContext();
        var national = await NationalRound.FindAsync(read, round.Id);
        var table = await NationalSummary.NationalAsync(read, national!);
        Assert.Equal(NationalSheets.Read(SummaryTableDocuments.ToSpreadsheet(table)), streamed);
        Assert.Contains(streamed, r => r.Contains("各省级中小企业主管部门已签发的推荐，共 3 项"));
        var header = streamed.First(r => r.Contains("合作区运营管理机构"));
        var column = header.IndexOf("合作区运营管理机构");
        var operators = streamed.SkipWhile(r => r != header).Skip(1).ToDictionary(r => r[header.IndexOf("合作区名称")], r => r[column]);
        Assert.Equal(tricky, operators[withOperator.Title]);
        Assert.Equal("", operators[withoutOperator.Title]);
        Assert.Equal("原运营机构", operators[revised.Title]);
    }

    private static Dictionary<string, string> Answers(string name, string? operatorName)
    {
        var answers = WorkspaceTestData.ZoneAnswers(WorkspaceTestData.UniqueTitle("流式合作区" + name));
        answers.Remove("basic.operator");
        if (operatorName is not null)
        {
            answers["basic.operator"] = operatorName;
        }
        return answers;
    }
}
