using SmeZones.Core.Applications;
using SmeZones.Core.Assessment;
using SmeZones.Core.Forms;
using SmeZones.TestSupport;

namespace SmeZones.Core.Tests.Forms;

/// <summary>
/// Issue 8 item 9: "无" in every cell of an unused added row (新增指标) means "not applicable" — the same as a blank row —
/// for validation, progress and the assessment, in every edition that has such rows; a used row may not hold "无".
/// </summary>
public class NotApplicableRowTests
{
    /// <summary>Every shipped edition with optional rows (today the two cluster forms' plan tables).</summary>
    public static TheoryData<string> EditionsWithOptionalRows
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var key in FormFixtures.Editions.Where(k => OptionalRows(k).Count > 0))
            {
                data.Add(key);
            }
            return data;
        }
    }

    [Fact]
    public void The_cluster_forms_and_only_editions_with_added_rows_have_optional_rows()
    {
        Assert.Equal(["cluster-2024", "cluster-review-xj"], FormEditionCatalogue.Default.ApplicationForms.Select(d => d.Key).Where(k => OptionalRows(k).Count > 0).Order(StringComparer.Ordinal));
        Assert.All(FormEditionCatalogue.Default.ApplicationForms.Select(d => d.Key).Where(k => OptionalRows(k).Count > 0), k => Assert.Contains(k, FormFixtures.Editions));
        // The annual reports' plan tables have added rows per 方向 too: the same engine treats them alike.
        Assert.All(FormEditionCatalogue.Default.All.Where(d => d.IsAnnualReport), d => Assert.NotEmpty(OptionalRows(d.Key)));
        // The 复核 form's plan-versus-actual table: 5 directions with 2 added rows each, as in the issue ("ten items").
        Assert.Equal(10, OptionalRows("cluster-review-xj").Count(r => r[0].OptionalRow!.StartsWith("plan.achievement.", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(EditionsWithOptionalRows))]
    public void None_in_every_cell_of_every_unused_row_passes_submit_validation(string edition)
    {
        var (definition, year, blank, none) = BlankAndNone(edition);

        Assert.True(FormValidation.Validate(definition, year, blank, ValidationMode.Submit).IsValid);
        var errors = FormValidation.Validate(definition, year, none, ValidationMode.Submit).Errors;
        Assert.True(errors.Count == 0, string.Join(" | ", errors.Select(e => $"{e.Key}: {e.Message}")));
    }

    [Theory]
    [MemberData(nameof(EditionsWithOptionalRows))]
    public void None_in_only_the_number_cells_of_an_unused_row_is_no_error_even_in_a_draft(string edition)
    {
        var definition = FormEditionCatalogue.Default.Get(edition);
        var answers = FormFixtures.Complete(edition);
        var row = OptionalRows(edition).First(r => r.All(s => !answers.IsFilled(s.Key)));
        foreach (var cell in row.Skip(1))
        {
            answers.Set(cell.Key, "无");
        }

        Assert.True(FormValidation.Validate(definition, definition.RoundYear, answers, ValidationMode.Draft).IsValid);
        Assert.True(FormValidation.Validate(definition, definition.RoundYear, answers, ValidationMode.Submit).IsValid);
    }

    [Theory]
    [MemberData(nameof(EditionsWithOptionalRows))]
    public void A_used_row_with_none_in_a_number_cell_is_an_error_on_that_cell(string edition)
    {
        var definition = FormEditionCatalogue.Default.Get(edition);
        var answers = FormFixtures.Complete(edition);
        var row = OptionalRows(edition).First(r => r.All(s => !answers.IsFilled(s.Key)));
        answers.Set(row[0].Key, "龙头企业数量");
        foreach (var cell in row.Skip(1))
        {
            answers.Set(cell.Key, "12");
        }
        var target = row.Single(s => s.Key.EndsWith(".target", StringComparison.Ordinal));
        answers.Set(target.Key, "无");

        var result = FormValidation.Validate(definition, definition.RoundYear, answers, ValidationMode.Submit);

        var error = Assert.Single(result.Errors);
        Assert.Equal(target.Key, error.Key);
        Assert.Equal($"{target.Label}不能填写“无”：本行已填写其他内容，请填写实际内容；整行不适用时，请各栏都填“无”或都留空", error.Message);
    }

    [Theory]
    [MemberData(nameof(EditionsWithOptionalRows))]
    public void An_unused_row_of_none_counts_as_not_answered_in_the_progress(string edition)
    {
        var (definition, year, blank, none) = BlankAndNone(edition);

        var expected = SectionProgressReport.For(definition, year, blank);
        var actual = SectionProgressReport.For(definition, year, none);

        Assert.Equal(expected, actual);
        Assert.All(actual, s => Assert.Equal(SectionState.Done, s.State));
    }

    [Theory]
    [MemberData(nameof(EditionsWithOptionalRows))]
    public void The_assessment_of_unused_rows_of_none_is_that_of_blank_rows(string edition)
    {
        var (definition, year, blank, none) = BlankAndNone(edition);
        var criteria = definition.Declared().Criteria;

        var expected = AssessmentEngine.Assess(criteria, definition, year, blank, new AssessmentSettings());
        var actual = AssessmentEngine.Assess(criteria, definition, year, none, new AssessmentSettings());

        Assert.Equal(expected.Summary, actual.Summary);
        Assert.Equal(Requirements(expected), Requirements(actual));
        Assert.DoesNotContain(Requirements(actual), r => r.Contains("“无”", StringComparison.Ordinal));
    }

    [Fact]
    public void The_answers_keep_what_was_typed_and_only_the_read_copy_drops_the_none()
    {
        var (definition, year, _, none) = BlankAndNone("cluster-review-xj");
        var cell = OptionalRows("cluster-review-xj").First(r => r.All(s => FormText.IsNone(none.Get(s.Key))))[0].Key;

        var read = NotApplicableRows.Read(definition, year, none);

        Assert.Equal(" 无 ", none.Get(cell));
        Assert.Null(read.Get(cell));
    }

    /// <summary>The edition's complete fixture, and the same with "无" in every cell of every row the fixture leaves blank.</summary>
    private static (FormDefinition Definition, int Year, FormAnswers Blank, FormAnswers None) BlankAndNone(string edition)
    {
        var definition = FormEditionCatalogue.Default.Get(edition);
        var blank = FormFixtures.Complete(edition);
        var none = FormFixtures.Complete(edition);
        var unused = OptionalRows(edition).Where(r => r.All(s => !blank.IsFilled(s.Key))).ToList();
        Assert.NotEmpty(unused);
        foreach (var cell in unused.SelectMany(r => r))
        {
            none.Set(cell.Key, " 无 ");
        }
        return (definition, definition.RoundYear, blank, none);
    }

    /// <summary>The cells of each optional row, its 指标 first.</summary>
    private static List<List<AnswerSlot>> OptionalRows(string edition)
    {
        var definition = FormEditionCatalogue.Default.Get(edition);
        return FormAnswerKeys.For(definition, definition.RoundYear).Where(s => s.OptionalRow is not null)
            .GroupBy(s => s.OptionalRow!, StringComparer.Ordinal).Select(g => g.ToList()).ToList();
    }

    private static List<string> Requirements(SmeZones.Core.Assessment.Assessment assessment) =>
        assessment.Groups.SelectMany(g => g.Requirements).Select(r => $"{r.Key} {r.Outcome} {r.Explanation}").ToList();
}
