using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.ExpertReview;
using SmeZones.Core.Regions;
using SmeZones.Core.Review;
using AssessmentResult = SmeZones.Core.Assessment.Assessment;

namespace SmeZones.Core.Exports;

/// <summary>One expert's sheet in a download, with who the expert is.</summary>
public sealed record SheetOfExpert(string ExpertName, string WorkUnit, ExpertAssignment Sheet);

/// <summary>One application's sheets and aggregate in a download.</summary>
public sealed record ApplicationSheets(Application Application, AssessmentResult? Assessment, IReadOnlyList<SheetOfExpert> Sheets, ExpertAggregate Aggregate);

/// <summary>
/// 专家评分表 as files: .xlsx (one row per expert and application) and a printable PDF with signature places, per
/// application or per round. Only submitted sheets are listed: a draft is not the expert's score.
/// </summary>
public static class ExpertSheetDocuments
{
    public static async Task<IReadOnlyList<ApplicationSheets>> LoadAsync(PortalDbContext db, Campaign campaign, Guid? applicationId, CancellationToken ct = default)
    {
        var applications = (await ExpertPool.AtMinistryStageAsync(db, campaign.Id, ct)).Where(a => applicationId is null || a.Id == applicationId).ToList();
        var ids = applications.Select(a => a.Id).ToList();
        var signOffs = await ExpertPool.SignOffsAsync(db, ids, ct);
        var settings = await ExpertPool.SettingsAsync(db, campaign.Id, ct);
        var experts = (await ExpertPool.AllAsync(db, ct)).ToDictionary(e => e.UserId);
        var sheets = (await db.ExpertAssignments.AsNoTracking().Where(a => ids.Contains(a.ApplicationId) && a.SubmittedAt != null)
            .OrderBy(a => a.Position).ToListAsync(ct)).ToLookup(a => a.ApplicationId);
        return applications.Select(a =>
        {
            var assessment = signOffs.GetValueOrDefault(a.Id)?.Assessment;
            var list = sheets[a.Id].Select(s => new SheetOfExpert(
                experts.GetValueOrDefault(s.ExpertId)?.DisplayName ?? "（专家）", experts.GetValueOrDefault(s.ExpertId)?.Profile.WorkUnit ?? "", s)).ToList();
            return new ApplicationSheets(a, assessment, list, ExpertAggregate.Of(list.Select(l => l.Sheet), assessment, settings));
        }).ToList();
    }

    public static byte[] ToSpreadsheet(string title, IReadOnlyList<ApplicationSheets> applications)
    {
        var dimensions = DimensionsOf(applications);
        var writer = new SpreadsheetWriter("专家评分表", title);
        writer.AddColumn("申报编号", 18).AddColumn("名称", 24).AddColumn("所在地区", 16).AddColumn("专家", 14).AddColumn("所在单位", 18);
        foreach (var d in dimensions)
        {
            writer.AddColumn(d.Title, 12);
        }
        writer.AddColumn("总分", 8).AddColumn("结论", 10).AddColumn("评审意见", 40).AddColumn("提交时间", 18).AddColumn("专家签名", 12);
        foreach (var app in applications)
        {
            foreach (var s in app.Sheets)
            {
                var cells = new List<object?> { app.Application.Number, app.Application.Title, Region(app.Application), s.ExpertName, s.WorkUnit };
                cells.AddRange(dimensions.Select(d => (object?)Cell(s.Sheet, d.Key)));
                var score = app.Assessment is { } a ? SheetScore.Of(s.Sheet, a) : null;
                cells.Add(score?.Total);
                cells.Add(s.Sheet.Abstained ? "弃权" : score?.Passes == true ? "建议通过" : "建议不通过");
                cells.Add(s.Sheet.Abstained ? "弃权理由：" + s.Sheet.AbstainReason : s.Sheet.Opinion);
                cells.Add(s.Sheet.SubmittedAt is { } at ? ChinaTime.Format(at) : "");
                cells.Add("");
                writer.AddRow([.. cells]);
            }
        }
        return writer.ToArray();
    }

    /// <summary>A4 print view: per application, each expert's sheet with a signature and date place; every value encoded.</summary>
    public static string ToHtml(string title, IReadOnlyList<ApplicationSheets> applications)
    {
        static string E(object? s) => WebUtility.HtmlEncode(s?.ToString() ?? "");
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").Append(E(title)).Append("</title><style>")
            .Append("@page { size: A4; margin: 15mm 15mm 20mm 15mm; } body { font-family: \"Noto Serif CJK SC\", \"Noto Sans CJK SC\", serif; font-size: 10.5pt; } ")
            .Append("h1 { text-align: center; font-size: 16pt; } h2 { font-size: 12pt; margin-top: 6mm; } table { width: 100%; border-collapse: collapse; margin: 2mm 0; } ")
            .Append("th, td { border: 1px solid #000; padding: 1.5mm; vertical-align: top; text-align: left; } .sheet { page-break-inside: avoid; margin-bottom: 6mm; } ")
            .Append(".sign { margin-top: 4mm; } .sign span { display: inline-block; margin-right: 25mm; } .application { page-break-after: always; }")
            .Append("</style></head><body><h1>").Append(E(title)).Append("</h1>");
        if (applications.Count == 0)
        {
            html.Append("<p>（无可评审的申报）</p>");
        }
        foreach (var app in applications)
        {
            html.Append("<section class=\"application\"><h2>").Append(E(app.Application.Number)).Append('　').Append(E(app.Application.Title))
                .Append('（').Append(E(Region(app.Application))).Append("）</h2>");
            html.Append("<p>有效评分表 ").Append(app.Aggregate.Sheets).Append(" 份");
            if (app.Aggregate.Aggregate is { } aggregate)
            {
                html.Append("；平均分 ").Append(E(ScoringText.Number(Math.Round(app.Aggregate.Mean!.Value, 2))))
                    .Append("；去掉最高最低分后的平均分 ").Append(E(ScoringText.Number(Math.Round(aggregate, 2))))
                    .Append("；分差 ").Append(E(ScoringText.Number(app.Aggregate.Spread!.Value)));
            }
            if (app.Aggregate.Passes is { } passes)
            {
                html.Append("；结论：").Append(passes ? "达到认定要求" : "未达到认定要求");
            }
            html.Append(app.Aggregate.Flagged ? "；<strong>专家意见分歧较大</strong>" : "").Append("</p>");
            if (app.Sheets.Count == 0)
            {
                html.Append("<p>（尚无提交的评分表）</p>");
            }
            foreach (var s in app.Sheets)
            {
                html.Append("<div class=\"sheet\"><p>专家：").Append(E(s.ExpertName)).Append("　所在单位：").Append(E(s.WorkUnit)).Append("</p>");
                if (s.Sheet.Abstained)
                {
                    html.Append("<p>弃权。理由：").Append(E(s.Sheet.AbstainReason)).Append("</p>");
                }
                else if (app.Assessment is { } assessment)
                {
                    html.Append("<table><thead><tr><th>维度</th><th>得分/判断</th><th>评审说明</th></tr></thead><tbody>");
                    foreach (var d in ScoringRules.Dimensions(assessment))
                    {
                        html.Append("<tr><td>").Append(E(d.Title)).Append("</td><td>").Append(E(Cell(s.Sheet, d.Key))).Append("</td><td>")
                            .Append(E(s.Sheet.Comments.GetValueOrDefault(d.Key))).Append("</td></tr>");
                    }
                    var score = SheetScore.Of(s.Sheet, assessment);
                    html.Append("</tbody></table><p>").Append(score?.Total is { } t ? "总分：" + E(ScoringText.Number(t)) + " 分；" : "")
                        .Append(score?.Passes == true ? "建议通过" : "建议不通过").Append("</p><p>评审意见：").Append(E(s.Sheet.Opinion)).Append("</p>");
                }
                html.Append("<div class=\"sign\"><span>专家签名：</span><span>日期：　　年　　月　　日</span></div></div>");
            }
            html.Append("</section>");
        }
        return html.Append("</body></html>").ToString();
    }

    private static string Region(Application application) => RegionCatalogue.Instance.FullName(application.RegionCode) ?? application.RegionCode;

    private static string Cell(ExpertAssignment sheet, string key) =>
        sheet.Points.TryGetValue(key, out var points) ? ScoringText.Number(points)
        : sheet.Judgements.GetValueOrDefault(key) switch { ScoringRules.Pass => "符合", ScoringRules.Fail => "不符合", _ => "" };

    private static IReadOnlyList<ScoringDimension> DimensionsOf(IReadOnlyList<ApplicationSheets> applications) =>
        applications.Select(a => a.Assessment).OfType<AssessmentResult>().Select(ScoringRules.Dimensions).FirstOrDefault() ?? [];
}
