using SmeZones.Core.Exports;
using SmeZones.Core.Forms;
using SmeZones.TestSupport;

namespace SmeZones.Core.Tests.Exports;

/// <summary>What the print view shows, decided in Core: the rows each section is ruled into, and the footer of the copy.</summary>
public class ApplicationPrintModelTests
{
    [Fact]
    public void The_footer_says_draft_or_the_fingerprint_and_names_the_file_after_the_application()
    {
        var draft = PrintRequests.Draft("zone-2026");
        var submitted = draft with { IsDraft = false, Fingerprint = "3f2a9c1d0b7e4a55", SubmittedAt = DateTimeOffset.UtcNow };

        Assert.Equal("HZQ-2026-0001 · 草稿", new ApplicationPrintModel(draft).FooterText);
        Assert.Equal("HZQ-2026-0001 · 3f2a9c1d0b7e4a55", new ApplicationPrintModel(submitted).FooterText);
        Assert.Throws<ArgumentException>(() => ApplicationPrint.FooterText(submitted with { Fingerprint = null }));
        Assert.Equal("HZQ-2026-0001.pdf", new ApplicationPrintModel(draft).FileName);
    }

    [Fact]
    public void Two_short_texts_share_a_row_and_tables_groups_and_outlined_texts_get_their_own_layout()
    {
        var model = new ApplicationPrintModel(PrintRequests.Draft("zone-2026"));
        var rows = model.Sections.SelectMany(s => s.Rows).ToList();

        var pair = Assert.Single(rows.OfType<PrintPairRow>(), p => p.Left.Key == "basic.authorityContactName");
        Assert.Equal("basic.authorityContactPhone", pair.Right.Key);
        Assert.Equal(["innovation.platforms", "quality.counts"], rows.OfType<PrintGroupRow>().Select(r => r.Group.Key));
        Assert.Contains(rows, r => r is PrintOutlinedTextRow { Field.Key: "plan.text", ShowLabel: false });
        // Yearly rows sit under the year header of the sections that print one.
        var openness = model.Sections.Single(s => s.Rows.Any(r => r is PrintYearRow { Field.Key: "openness.foreignFirms" }));
        Assert.NotNull(openness.YearHeader);
        Assert.Null(model.Sections[0].YearHeader);
        Assert.Single(model.Sections, s => s.First);
        Assert.All(rows.OfType<PrintFieldRow>(), r => Assert.NotEqual(FieldType.Table, r.Field.Type));
    }

    [Fact]
    public void A_plan_direction_lists_filled_added_rows_or_the_papers_dots()
    {
        var definition = FormEditionCatalogue.Default.Get("cluster-2024");
        var plan = definition.Sections.SelectMany(s => s.Fields).First(f => f.Type == FieldType.PlanTable);
        var direction = plan.Directions!.First(d => d.ExtraRows > 0);
        var added = $"{plan.Key}.{direction.Key}Extra1";
        var empty = new ApplicationPrintModel(PrintRequests.Draft("cluster-2024", new FormAnswers()));
        var filled = new ApplicationPrintModel(PrintRequests.Draft("cluster-2024", new FormAnswers().Set($"{added}.indicator", "新增指标甲")));

        Assert.Equal(new PrintPlanLine("", "……"), empty.PlanLines(plan, direction)[^1]);
        Assert.Equal(direction.Rows.Count + 1, empty.PlanLines(plan, direction).Count);
        Assert.Equal(new PrintPlanLine($"{direction.Key}Extra1", "新增指标甲"), filled.PlanLines(plan, direction)[^1]);
        Assert.DoesNotContain(filled.PlanLines(plan, direction), l => l.Indicator == "……");
    }
}
