using System.Globalization;
using SmeZones.Core.Applications;
using SmeZones.Core.Forms;
using SmeZones.Core.Regions;

namespace SmeZones.Core.Exports;

/// <summary>One application as a row of the 推荐汇总表: its cells by the summary's column keys.</summary>
/// <param name="AwaitingSignOff">The recommendation that puts it here is saved but not yet signed off (未签发, ADR 0057).</param>
public sealed record SummaryRow(IReadOnlyDictionary<string, string> Cells, bool AwaitingSignOff = false);

/// <summary>A 推荐汇总表 ready to write as a spreadsheet or a PDF: title, header lines, columns and rows, years resolved.</summary>
public sealed record SummaryTable(string? Annex, string Title, IReadOnlyList<string> HeaderLines, IReadOnlyList<TableColumn> Columns, IReadOnlyList<SummaryRow> Rows)
{
    /// <summary>Rows whose recommendation is not signed off yet: the official downloads wait for them (ADR 0057).</summary>
    public int UnsignedCount => Rows.Count(r => r.AwaitingSignOff);
}

/// <summary>An application with the answers it was submitted with, as the summary reads it.</summary>
/// <param name="AwaitingSignOff">The unit's own recommendation of it is saved but not signed off.</param>
public sealed record SummarySource(Application Application, IReadOnlyDictionary<string, string> Answers, bool AwaitingSignOff = false);

/// <summary>
/// Builds the 推荐汇总表 of a reviewing unit for a round from the edition's summary definition (附件2 for zones,
/// the portal's equivalent for clusters). Columns come from the definition, cells from the applications.
/// </summary>
public static class RecommendationSummaryTable
{
    private const string AnswerSource = "answer:";

    /// <param name="authorityLabel">
    /// What the stamp line calls the unit when it is not the one the edition prints (the ministry compiling the table is
    /// no 省级中小企业主管部门: <see cref="AuthorityLabelFor"/>); null keeps the edition's label.
    /// </param>
    public static SummaryTable Build(
        FormDefinition definition, int roundYear, string authorityName, string? contact, IReadOnlyList<SummarySource> sources, string? authorityLabel = null)
    {
        var summary = SummaryOf(definition);
        var rows = sources.Select((s, i) => Row(definition, i + 1, s)).ToList();
        var header = summary.HeaderLines.Select(line => HeaderLine(line, authorityName, contact, authorityLabel)).ToList();
        return new SummaryTable(summary.Annex, FormTemplate.Resolve(summary.Title, roundYear), header,
            summary.Columns.Select(c => c with { Label = FormTemplate.Resolve(c.Label, roundYear) }).ToList(), rows);
    }

    /// <summary>The row of <paramref name="source"/> numbered <paramref name="number"/>, as <see cref="Build"/> makes it (a table read a row at a time).</summary>
    public static SummaryRow Row(FormDefinition definition, int number, SummarySource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new SummaryRow(SummaryOf(definition).Columns.ToDictionary(c => c.Key, c => Cell(c.Source, number, source)), source.AwaitingSignOff);
    }

    /// <summary>The answer keys the summary's columns read ("answer:KEY"), so a query can read only those.</summary>
    public static IReadOnlyList<string> AnswerKeys(FormDefinition definition) =>
        SummaryOf(definition).Columns.Where(c => c.Source?.StartsWith(AnswerSource, StringComparison.Ordinal) == true)
            .Select(c => c.Source![AnswerSource.Length..]).Distinct(StringComparer.Ordinal).ToList();

    private static RecommendationSummary SummaryOf(FormDefinition definition) =>
        definition.Summary ?? throw new InvalidOperationException($"Edition {definition.Key} has no summary table.");

    /// <summary>The stamp line's label for a unit at <paramref name="level"/>: the ministry compiles (汇总单位); others keep the edition's.</summary>
    public static string? AuthorityLabelFor(Organisations.OrganisationLevel level) =>
        level == Organisations.OrganisationLevel.Ministry ? "汇总单位" : null;

    /// <summary>Puts the authority's name before the stamp place (under its own label, when given), and the contact after its label.</summary>
    private static string HeaderLine(string line, string authorityName, string? contact, string? authorityLabel)
    {
        var stamp = line.IndexOf("（盖章）", StringComparison.Ordinal);
        if (stamp >= 0)
        {
            var colon = line.IndexOf('：', StringComparison.Ordinal);
            var label = authorityLabel is not null && colon >= 0 && colon < stamp ? authorityLabel + "：" : line[..stamp];
            return label + authorityName + line[stamp..];
        }
        return line.StartsWith("联系人", StringComparison.Ordinal) ? line + (contact ?? "") : line;
    }

    /// <summary>A cell by the column's declared source (<see cref="TableColumn.Source"/>).</summary>
    private static string Cell(string? columnSource, int number, SummarySource source)
    {
        var application = source.Application;
        var regions = RegionCatalogue.Instance;
        var region = regions.Find(application.RegionCode);
        var chain = regions.AncestorsOf(application.RegionCode).Append(region).OfType<Region>().ToList();
        if (columnSource?.StartsWith(AnswerSource, StringComparison.Ordinal) == true)
        {
            return source.Answers.GetValueOrDefault(columnSource[AnswerSource.Length..]) ?? "";
        }
        return columnSource switch
        {
            "rowNumber" => number.ToString(CultureInfo.InvariantCulture),
            "title" => application.Title,
            "province" => chain.FirstOrDefault()?.Name ?? "",
            // 直辖市、计划单列市填写所在县、市、区: for an applicant below the prefecture, the county is the more exact place.
            "city" => (IsMunicipalityOrPlanned(application) ? chain.LastOrDefault() : chain.FirstOrDefault(r => r.Level == RegionLevel.Prefecture))?.Name ?? "",
            "county" => chain.LastOrDefault(r => r.Level == RegionLevel.County)?.Name ?? "",
            "summaryPartners" => application.SummaryPartners ?? "",
            "summaryIntro" => application.SummaryIntro ?? "",
            _ => "",
        };
    }

    private static bool IsMunicipalityOrPlanned(Application application) =>
        application.ProvincialUnitCode == application.PrefectureCode
        || application.ProvincialUnitCode is "110000" or "120000" or "310000" or "500000";
}
