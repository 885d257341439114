using SmeZones.Core.Applications;
using SmeZones.Core.Assessment;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Forms;
using SmeZones.Core.Regions;
using static SmeZones.Core.Tests.Assessment.AssessmentFixtures;

namespace SmeZones.Core.Tests.Assessment;

/// <summary>
/// The section pages' derivations kept in process (ADR 0073): reused only while every input is the same, made afresh
/// the moment the draft's row version, the settings or the round change.
/// </summary>
public class DraftSelfCheckTests
{
    private static readonly FormDefinition Form = FormEditionCatalogue.Default.Get("zone-2026");

    private static DraftForPage Draft(Guid id, uint version, Dictionary<string, string> answers, AssessmentSettings? settings = null, int year = ZoneRound) =>
        new(new Application
        {
            Id = id, Number = "HZQ-2026-0001", RegionCode = "440604", PrefectureCode = "440600", ProvincialUnitCode = "440000",
            FormEditionKey = Form.Key, Version = version, Answers = answers,
            Campaign = new Campaign { Name = "测试轮次", FormEditionKey = Form.Key, CriteriaEditionKey = "zone-2024", Year = year },
        }, settings ?? ZoneSettings);

    [Fact]
    public void The_same_draft_version_with_the_same_settings_is_derived_once()
    {
        using var drafts = new DraftSelfCheck();
        var id = Guid.NewGuid();

        var first = drafts.For(Draft(id, 7, ZonePassing()), Form);
        var again = drafts.For(Draft(id, 7, ZonePassing()), Form);

        Assert.Same(first, again);
        Assert.NotNull(first.SelfCheck);
        Assert.Equal(SectionProgressReport.Headings(Form).Count, first.Progress.Count);
    }

    [Fact]
    public void A_new_row_version_is_derived_from_its_own_answers()
    {
        using var drafts = new DraftSelfCheck();
        var id = Guid.NewGuid();
        var incident = new Dictionary<string, string>(ZonePassing()) { ["basic.majorIncident"] = "yes" };

        var before = drafts.For(Draft(id, 7, ZonePassing()), Form);
        var after = drafts.For(Draft(id, 8, incident), Form);

        Assert.Equal(RequirementOutcome.Met, before.SelfCheck!.Req("gate.noMajorIncident").Outcome);
        Assert.Equal(RequirementOutcome.NotMet, after.SelfCheck!.Req("gate.noMajorIncident").Outcome);
    }

    [Fact]
    public void Changed_settings_at_the_same_version_are_assessed_with_the_new_settings()
    {
        using var drafts = new DraftSelfCheck();
        var id = Guid.NewGuid();
        var relaxed = ZoneSettings with
        {
            ApplicantRegionClass = RegionClass.West,
            RelaxedClasses = AssessmentSettings.ZoneRelaxableClasses,
            Relaxations = new Dictionary<string, decimal> { ["gate.revenue"] = 1m },
        };

        var plain = drafts.For(Draft(id, 7, ZonePassing()), Form);
        var withRelaxation = drafts.For(Draft(id, 7, ZonePassing(), relaxed), Form);
        var withFigures = drafts.For(Draft(id, 7, ZonePassing(), ZoneSettings with { ProvinceFdiGrowthAverage = 50m }), Form);

        Assert.NotSame(plain, withRelaxation);
        Assert.Same(relaxed, withRelaxation.SelfCheck!.Settings);
        Assert.Equal(50m, withFigures.SelfCheck!.Settings.ProvinceFdiGrowthAverage);
    }

    [Fact]
    public void A_draft_saved_many_times_keeps_one_entry_its_latest()
    {
        using var drafts = new DraftSelfCheck();
        var id = Guid.NewGuid();

        for (uint version = 1; version <= 50; version++)
        {
            drafts.For(Draft(id, version, ZonePassing()), Form);
        }
        var latest = drafts.For(Draft(id, 50, ZonePassing()), Form);

        Assert.Equal(1, drafts.Entries);
        Assert.Same(latest, drafts.For(Draft(id, 50, ZonePassing()), Form));
    }

    [Fact]
    public void Another_round_year_or_another_application_is_not_served_from_the_cache()
    {
        using var drafts = new DraftSelfCheck();
        var id = Guid.NewGuid();

        var first = drafts.For(Draft(id, 7, ZonePassing()), Form);

        Assert.NotSame(first, drafts.For(Draft(id, 7, ZonePassing(), year: ZoneRound + 1), Form));
        Assert.NotSame(first, drafts.For(Draft(Guid.NewGuid(), 7, ZonePassing()), Form));
    }

    [Fact]
    public void The_form_s_computed_figures_come_with_the_derivations_as_computed_from_the_saved_answers()
    {
        using var drafts = new DraftSelfCheck();
        var answers = ZonePassing();

        var derived = drafts.For(Draft(Guid.NewGuid(), 7, answers), Form);

        var expected = FormComputations.Suggest(Form, ZoneRound, new FormAnswers(answers));
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(s => (s.Key, s.Explanation)), derived.Suggestions.Select(s => (s.Key, s.Explanation)));
    }

    [Fact]
    public void Prefill_hands_back_the_same_answers_when_it_has_nothing_to_fill_and_a_copy_when_it_fills()
    {
        var answers = new FormAnswers(new Dictionary<string, string> { ["cover.zoneName"] = "佛山顺德中德合作区" });

        var elsewhere = RepeatedFields.Prefill(Form, ZoneRound, answers, "service");
        var basic = RepeatedFields.Prefill(Form, ZoneRound, answers, "basic");

        Assert.Same(answers, elsewhere);
        Assert.NotSame(answers, basic);
        Assert.Equal("佛山顺德中德合作区", basic.Get("basic.zoneName"));
        Assert.Null(answers.Get("basic.zoneName"));
    }
}
