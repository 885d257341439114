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
/// 专家评分表 as files: .xlsx (one row per expert and application) here; the printable PDF with signature places is the
/// Razor view Pages/Shared/Print/_ExpertSheets.cshtml (ADR 0050), per application or per round. Only submitted sheets are listed: a draft is not the expert's score.
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

    /// <summary>The application's region as printed: its full name, or the code where the catalogue has none.</summary>
    public static string Region(Application application) => RegionCatalogue.Instance.FullName(application.RegionCode) ?? application.RegionCode;

    /// <summary>A dimension's cell of a sheet: the points, or 符合/不符合 for a judgement.</summary>
    public static string Cell(ExpertAssignment sheet, string key) =>
        sheet.Points.TryGetValue(key, out var points) ? ScoringText.Number(points)
        : sheet.Judgements.GetValueOrDefault(key) switch { ScoringRules.Pass => "符合", ScoringRules.Fail => "不符合", _ => "" };

    private static IReadOnlyList<ScoringDimension> DimensionsOf(IReadOnlyList<ApplicationSheets> applications) =>
        applications.Select(a => a.Assessment).OfType<AssessmentResult>().Select(ScoringRules.Dimensions).FirstOrDefault() ?? [];
}
