using System.Text;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Data;
using SmeZones.Core.ExpertReview;
using SmeZones.Core.Forms;
using SmeZones.Core.Regions;

namespace SmeZones.Core.Exports;

/// <summary>
/// The ministry's summaries of a national round: one provincial unit's 推荐汇总表 as that unit signed it, and the
/// national table of all signed-off recommendations (附件2 columns plus the recommending unit, the assessment
/// verdict and the experts' aggregate). Both are <see cref="SummaryTable"/>s, so the .xlsx and PDF are the ones <see cref="SummaryTableDocuments"/> writes.
/// </summary>
public static class NationalSummary
{
    public const string UnitColumn = "provincialUnit";
    public const string VerdictColumn = "verdict";
    public const string ExpertColumn = "expertAggregate";
    public const string CsvContentType = "text/csv; charset=utf-8";

    /// <summary>The unit's table: its signed-off recommendations, under its own name, as RecommendationSummaryTable builds it.</summary>
    public static async Task<SummaryTable> ForUnitAsync(PortalDbContext db, NationalRound round, string unitCode, string authorityName, CancellationToken ct = default)
    {
        var sources = await SourcesAsync(db, round, round.Recommended(db).Where(a => a.ProvincialUnitCode == unitCode), ct);
        return RecommendationSummaryTable.Build(Definition(round), round.Campaign.Year, authorityName, null, sources.Select(s => s.Summary).ToList());
    }

    /// <summary>All provincial units' signed-off recommendations in one table, ordered by unit then number.</summary>
    public static async Task<SummaryTable> NationalAsync(PortalDbContext db, NationalRound round, CancellationToken ct = default)
    {
        var sources = await SourcesAsync(db, round, round.Recommended(db), ct);
        var table = RecommendationSummaryTable.Build(Definition(round), round.Campaign.Year, "", null, sources.Select(s => s.Summary).ToList());
        var regions = RegionCatalogue.Instance;
        var first = table.Columns.Take(1);
        var columns = first.Append(new TableColumn { Key = UnitColumn, Label = "推荐单位" })
            .Concat(table.Columns.Skip(1))
            .Append(new TableColumn { Key = VerdictColumn, Label = "预评估结论（省级签发时）" })
            .Append(new TableColumn { Key = ExpertColumn, Label = "专家评审（去掉最高最低分后平均）" }).ToList();
        // The same aggregates the ministry ranks by (ExpertRanking): one computation, wherever it is shown.
        // Only applications with an expert group have an aggregate; the others read "尚无评分", as an empty group would.
        var experts = (await ExpertRanking.RowsAsync(db, round.Campaign.Id, withGroupOnly: true, ct)).ToDictionary(r => r.Application.Id, r => r.Result);
        var rows = table.Rows.Select((row, i) =>
        {
            var application = sources[i].Summary.Application;
            var cells = new Dictionary<string, string>(row.Cells, StringComparer.Ordinal)
            {
                [UnitColumn] = regions.Find(application.ProvincialUnitCode)?.Name ?? "",
                [VerdictColumn] = NationalRecommendations.VerdictText(sources[i].GatesMet),
                [ExpertColumn] = experts.GetValueOrDefault(application.Id)?.SummaryText ?? "尚无评分",
            };
            return new SummaryRow(cells);
        }).ToList();
        var title = $"{round.Campaign.Name}全国推荐汇总表";
        return new SummaryTable(null, title, [$"各省级中小企业主管部门已签发的推荐，共 {rows.Count} 项"], columns, rows);
    }

    /// <summary>
    /// CSV as Excel opens it: UTF-8 with a byte-order mark, CRLF, every field quoted, and text that a spreadsheet
    /// would take for a formula neutralised (<see cref="CellSafety"/>).
    /// </summary>
    public static byte[] ToCsv(SummaryTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var text = new StringBuilder();
        void Line(IEnumerable<string> cells) =>
            text.AppendJoin(',', cells.Select(c => "\"" + CellSafety.Neutralise(c).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")).Append("\r\n");
        Line(table.Columns.Select(c => c.Label));
        foreach (var row in table.Rows)
        {
            Line(table.Columns.Select(c => row.Cells.GetValueOrDefault(c.Key) ?? ""));
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static FormDefinition Definition(NationalRound round) => FormEditionCatalogue.Default.Get(round.Campaign.FormEditionKey);

    private sealed record Source(SummarySource Summary, bool? GatesMet);

    /// <summary>Each application with the answers of its latest submission and the verdict its unit signed off with.</summary>
    private static async Task<List<Source>> SourcesAsync(PortalDbContext db, NationalRound round, IQueryable<Application> query, CancellationToken ct)
    {
        var applications = await query.OrderBy(a => a.ProvincialUnitCode).ThenBy(a => a.Number).ToListAsync(ct);
        var ids = applications.Select(a => a.Id).ToList();
        // While an application is not editable its answers are exactly its latest snapshot's (SubmitAsync copies them;
        // only SectionSave changes them, and only while editable), so only the ones being revised need their snapshot
        // parsed: a national table of thousands does not parse thousands of snapshots and their definition copies.
        var revising = applications.Where(a => a.IsEditableByApplicant).Select(a => a.Id).ToList();
        var latest = await db.Submissions.AsNoTracking().Where(s => revising.Contains(s.ApplicationId)
                && s.Sequence == db.Submissions.Where(t => t.ApplicationId == s.ApplicationId).Max(t => t.Sequence))
            .Select(s => new { s.ApplicationId, s.CanonicalJson }).ToListAsync(ct);
        var answers = latest.ToDictionary(s => s.ApplicationId, s => (IReadOnlyDictionary<string, string>)SubmissionSnapshot.Parse(s.CanonicalJson).Answers);
        var order = round.ProvinceStage.Order;
        var verdicts = await db.StageReviews.AsNoTracking().Where(r => ids.Contains(r.ApplicationId) && r.StageOrder == order)
            .Select(r => new { r.ApplicationId, r.GatesMet })
            .ToDictionaryAsync(r => r.ApplicationId, r => r.GatesMet, ct);
        return applications.Select(a => new Source(new SummarySource(a, answers.GetValueOrDefault(a.Id) ?? a.Answers), verdicts.GetValueOrDefault(a.Id))).ToList();
    }
}
