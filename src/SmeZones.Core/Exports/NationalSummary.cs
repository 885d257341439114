using System.Data;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
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
        var sources = new List<SummarySource>();
        await foreach (var source in SourcesAsync(db, round, round.Recommended(db).Where(a => a.ProvincialUnitCode == unitCode), ct))
        {
            sources.Add(source.Summary);
        }
        return RecommendationSummaryTable.Build(Definition(round), round.Campaign.Year, authorityName, null, sources);
    }

    /// <summary>All provincial units' signed-off recommendations in one table, ordered by unit then number.</summary>
    public static async Task<SummaryTable> NationalAsync(PortalDbContext db, NationalRound round, CancellationToken ct = default)
    {
        var rows = new List<SummaryRow>();
        await foreach (var row in NationalRowsAsync(db, round, ct))
        {
            rows.Add(row);
        }
        return new SummaryTable(null, NationalTitle(round), NationalHeader(rows.Count), NationalColumns(round), rows);
    }

    /// <summary>
    /// The national table as .xlsx, each row written to <paramref name="stream"/> as it is read from the database
    /// (issue 13 item 4: 5,000 rows are never a list in memory); the same workbook as <see cref="NationalAsync"/>'s
    /// table written by <see cref="SummaryTableDocuments.ToSpreadsheet"/>. Returns the number of rows.
    /// </summary>
    public static async Task<int> WriteNationalSpreadsheetAsync(PortalDbContext db, NationalRound round, Stream stream, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        // The heading's count and the rows are read from one snapshot, so they agree while units sign off meanwhile.
        await using var snapshot = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct)
            : null;
        var count = await round.Recommended(db).CountAsync(ct);
        await SummaryTableDocuments.WriteSpreadsheetAsync(NationalTitle(round), NationalHeader(count), NationalColumns(round), NationalRowsAsync(db, round, ct), stream, ct);
        return count;
    }

    /// <summary>The national table's title, which also names its files.</summary>
    public static string NationalTitle(NationalRound round) => $"{round.Campaign.Name}全国推荐汇总表";

    private static IReadOnlyList<string> NationalHeader(int count) => [$"各省级中小企业主管部门已签发的推荐，共 {count} 项"];

    /// <summary>The edition's summary columns with the recommending unit after the first, then the verdict and the experts' aggregate.</summary>
    private static List<TableColumn> NationalColumns(NationalRound round)
    {
        var columns = RecommendationSummaryTable.Build(Definition(round), round.Campaign.Year, "", null, []).Columns;
        return columns.Take(1).Append(new TableColumn { Key = UnitColumn, Label = "推荐单位" })
            .Concat(columns.Skip(1))
            .Append(new TableColumn { Key = VerdictColumn, Label = "预评估结论（省级签发时）" })
            .Append(new TableColumn { Key = ExpertColumn, Label = "专家评审（去掉最高最低分后平均）" }).ToList();
    }

    private static async IAsyncEnumerable<SummaryRow> NationalRowsAsync(PortalDbContext db, NationalRound round, [EnumeratorCancellation] CancellationToken ct)
    {
        var definition = Definition(round);
        var regions = RegionCatalogue.Instance;
        // The same aggregates the ministry ranks by (ExpertRanking): one computation, wherever it is shown.
        // Only applications with an expert group have an aggregate; the others read "尚无评分", as an empty group would.
        var experts = (await ExpertRanking.RowsAsync(db, round.Campaign.Id, withGroupOnly: true, ct)).ToDictionary(r => r.Application.Id, r => r.Result);
        var number = 0;
        await foreach (var source in SourcesAsync(db, round, round.Recommended(db), ct))
        {
            var application = source.Summary.Application;
            var row = RecommendationSummaryTable.Row(definition, ++number, source.Summary);
            yield return new SummaryRow(new Dictionary<string, string>(row.Cells, StringComparer.Ordinal)
            {
                [UnitColumn] = regions.Find(application.ProvincialUnitCode)?.Name ?? "",
                [VerdictColumn] = NationalRecommendations.VerdictText(source.GatesMet),
                [ExpertColumn] = experts.GetValueOrDefault(application.Id)?.SummaryText ?? "尚无评分",
            });
        }
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

    /// <summary>What a summary row is read from: the application's own fields the columns show, the answers they read.</summary>
    private sealed record Read(Application Application, string?[] Answers, bool? GatesMet);

    /// <summary>
    /// Each application, ordered by unit then number, with the answers of its latest submission the summary's columns read
    /// and the verdict its unit signed off with, yielded as the one query is read: only the columns shown and
    /// each answer the summary reads (<see cref="AnswerSql"/>) leave the database, not the whole answers document.
    /// </summary>
    private static async IAsyncEnumerable<Source> SourcesAsync(PortalDbContext db, NationalRound round, IQueryable<Application> query, [EnumeratorCancellation] CancellationToken ct)
    {
        // While an application is not editable its answers are exactly its latest snapshot's (SubmitAsync copies them;
        // only SectionSave changes them, and only while editable), so only the ones being revised need their snapshot
        // parsed (the states of Application.IsEditableByApplicant): they are few, read before the rows are.
        var revising = query.Where(a => a.Status == ApplicationStatus.Draft || a.Status == ApplicationStatus.Returned).Select(a => a.Id);
        var latest = await db.Submissions.AsNoTracking().Where(s => revising.Contains(s.ApplicationId)
                && s.Sequence == db.Submissions.Where(t => t.ApplicationId == s.ApplicationId).Max(t => t.Sequence))
            .Select(s => new { s.ApplicationId, s.CanonicalJson }).ToListAsync(ct);
        var snapshots = latest.ToDictionary(s => s.ApplicationId, s => (IReadOnlyDictionary<string, string>)SubmissionSnapshot.Parse(s.CanonicalJson).Answers);

        var keys = RecommendationSummaryTable.AnswerKeys(Definition(round));
        var order = round.ProvinceStage.Order;
        Expression<Func<Application, string?[], Read>> shape = (a, answers) => new Read(
            new Application
            {
                Id = a.Id, Number = a.Number, Title = a.Title, Status = a.Status, FormEditionKey = a.FormEditionKey,
                RegionCode = a.RegionCode, PrefectureCode = a.PrefectureCode, ProvincialUnitCode = a.ProvincialUnitCode,
                SummaryPartners = a.SummaryPartners, SummaryIntro = a.SummaryIntro,
            },
            answers,
            db.StageReviews.Where(r => r.ApplicationId == a.Id && r.StageOrder == order).Select(r => r.GatesMet).FirstOrDefault());
        // answers := new[] { AnswerSql.Text(a.Answers, key), ... }, one SQL column per key the summary reads.
        var application = shape.Parameters[0];
        var answerColumns = Expression.NewArrayInit(typeof(string), keys.Select(key => Expression.Call(
            typeof(AnswerSql).GetMethod(nameof(AnswerSql.Text))!, Expression.Property(application, nameof(Application.Answers)), Expression.Constant(key))));
        var selector = Expression.Lambda<Func<Application, Read>>(ReplacingExpressionVisitor.Replace(shape.Parameters[1], answerColumns, shape.Body), application);

        var rows = query.OrderBy(a => a.ProvincialUnitCode).ThenBy(a => a.Number).Select(selector).AsAsyncEnumerable().WithCancellation(ct);
        await foreach (var row in rows)
        {
            var answers = snapshots.GetValueOrDefault(row.Application.Id) ?? Answers(keys, row.Answers);
            yield return new Source(new SummarySource(row.Application, answers), row.GatesMet);
        }
    }

    private static Dictionary<string, string> Answers(IReadOnlyList<string> keys, string?[] values)
    {
        var answers = new Dictionary<string, string>(keys.Count, StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            if (values[i] is { } value)
            {
                answers[keys[i]] = value;
            }
        }
        return answers;
    }
}
