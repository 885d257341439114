using SmeZones.Core.Campaigns;
using SmeZones.Core.Organisations;

namespace SmeZones.Core.Tests.Campaigns;

public class CampaignRulesTests
{
    private static readonly DateTimeOffset Opens = ChinaTime.At(2026, 7, 1, 9);
    private static readonly DateTimeOffset Closes = ChinaTime.At(2026, 8, 15, 17);

    private static Campaign NewCampaign(params ReviewStage[] stages) => new()
    {
        Name = "2026年度中小企业特色产业集群",
        FormEditionKey = "cluster-2026",
        CriteriaEditionKey = "cluster-2026",
        OpensAt = Opens,
        ClosesAt = Closes,
        Stages = [.. stages],
    };

    private static ReviewStage Stage(int order, OrganisationLevel level) =>
        new() { Order = order, Level = level, Name = level.ToChinese() };

    // ---- IsOpenAt ----

    [Fact]
    public void Campaign_is_open_from_the_instant_it_opens()
    {
        Assert.True(NewCampaign().IsOpenAt(Opens));
    }

    [Fact]
    public void Campaign_is_closed_just_before_it_opens()
    {
        Assert.False(NewCampaign().IsOpenAt(Opens.AddTicks(-1)));
    }

    [Fact]
    public void Campaign_is_open_until_just_before_it_closes()
    {
        Assert.True(NewCampaign().IsOpenAt(Closes.AddTicks(-1)));
    }

    [Fact]
    public void Campaign_is_closed_at_exactly_its_closing_time_and_after()
    {
        var campaign = NewCampaign();

        Assert.False(campaign.IsOpenAt(Closes));
        Assert.False(campaign.IsOpenAt(Closes.AddDays(1)));
    }

    [Fact]
    public void Opening_and_closing_compare_instants_whatever_the_offset()
    {
        var campaign = NewCampaign();

        // 2026-08-15 17:00 in Beijing is 09:00 UTC: the same instant, so closed.
        Assert.False(campaign.IsOpenAt(new DateTimeOffset(2026, 8, 15, 9, 0, 0, TimeSpan.Zero)));
        Assert.True(campaign.IsOpenAt(new DateTimeOffset(2026, 8, 15, 8, 59, 59, TimeSpan.Zero)));
    }

    // ---- ChinaTime ----

    [Fact]
    public void Beijing_wall_clock_time_is_eight_hours_ahead_of_utc_and_stored_as_utc()
    {
        var deadline = ChinaTime.At(2026, 8, 15, 17);

        Assert.Equal(new DateTimeOffset(2026, 8, 15, 9, 0, 0, TimeSpan.Zero), deadline);
        Assert.Equal(TimeSpan.Zero, deadline.Offset);
        Assert.Equal(17, ChinaTime.ToChina(deadline).Hour);
    }

    [Fact]
    public void Beijing_time_is_utc_plus_eight_in_winter_and_summer_alike()
    {
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 4, 0, 0, TimeSpan.Zero), ChinaTime.At(2026, 1, 15, 12));
        Assert.Equal(new DateTimeOffset(2026, 7, 15, 4, 0, 0, TimeSpan.Zero), ChinaTime.At(2026, 7, 15, 12));
    }

    [Fact]
    public void Beijing_midnight_is_the_previous_day_in_utc()
    {
        Assert.Equal(new DateTimeOffset(2026, 9, 30, 16, 0, 0, TimeSpan.Zero), ChinaTime.At(2026, 10, 1));
    }

    [Fact]
    public void Format_writes_beijing_time_in_chinese()
    {
        var instant = new DateTimeOffset(2026, 8, 15, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal("2026年8月15日 17:00（北京时间）", ChinaTime.Format(instant));
    }

    [Fact]
    public void Format_gives_the_same_text_for_the_same_instant_in_any_offset()
    {
        var inLondonSummer = new DateTimeOffset(2026, 8, 15, 10, 0, 0, TimeSpan.FromHours(1));

        Assert.Equal("2026年8月15日 17:00（北京时间）", ChinaTime.Format(inLondonSummer));
        Assert.Equal("2026年8月15日 17:00（北京时间）", ChinaTime.Format(ChinaTime.At(2026, 8, 15, 17)));
    }

    [Fact]
    public void Format_moves_to_the_next_day_when_beijing_has_passed_midnight()
    {
        var lateEveningUtc = new DateTimeOffset(2026, 12, 31, 16, 5, 0, TimeSpan.Zero);

        Assert.Equal("2027年1月1日 00:05（北京时间）", ChinaTime.Format(lateEveningUtc));
        Assert.Equal("2027年1月1日", ChinaTime.FormatDate(lateEveningUtc));
    }

    // ---- stage chain ----

    [Fact]
    public void First_stage_is_the_lowest_order_whatever_the_list_order()
    {
        var campaign = NewCampaign(Stage(2, OrganisationLevel.Ministry), Stage(1, OrganisationLevel.ProvincialUnit));

        Assert.Equal(1, campaign.FirstStage?.Order);
        Assert.Equal(OrganisationLevel.ProvincialUnit, campaign.FirstStage?.Level);
    }

    [Fact]
    public void A_campaign_without_stages_has_no_first_stage_and_no_next()
    {
        var campaign = NewCampaign();

        Assert.Null(campaign.FirstStage);
        Assert.Null(campaign.StageAfter(0));
        Assert.Null(campaign.StageFor(OrganisationLevel.Ministry));
    }

    [Fact]
    public void Stage_after_walks_the_chain_from_the_applicant_to_the_last_stage()
    {
        var campaign = NewCampaign(
            Stage(3, OrganisationLevel.Ministry), Stage(1, OrganisationLevel.Prefecture), Stage(2, OrganisationLevel.ProvincialUnit));

        Assert.Equal(1, campaign.StageAfter(0)?.Order); // with the applicant → first reviewing stage
        Assert.Equal(2, campaign.StageAfter(1)?.Order);
        Assert.Equal(3, campaign.StageAfter(2)?.Order);
        Assert.Null(campaign.StageAfter(3));
    }

    [Fact]
    public void Stage_after_skips_gaps_in_the_order_numbers()
    {
        var campaign = NewCampaign(Stage(1, OrganisationLevel.ProvincialUnit), Stage(5, OrganisationLevel.Ministry));

        Assert.Equal(5, campaign.StageAfter(1)?.Order);
        Assert.Equal(5, campaign.StageAfter(2)?.Order);
    }

    [Fact]
    public void Stage_for_finds_the_stage_of_a_reviewing_level()
    {
        var campaign = NewCampaign(Stage(1, OrganisationLevel.ProvincialUnit), Stage(2, OrganisationLevel.Ministry));

        Assert.Equal(1, campaign.StageFor(OrganisationLevel.ProvincialUnit)?.Order);
        Assert.Equal(2, campaign.StageFor(OrganisationLevel.Ministry)?.Order);
        Assert.Null(campaign.StageFor(OrganisationLevel.Prefecture));
        Assert.Null(campaign.StageFor(OrganisationLevel.County));
    }

    [Fact]
    public void Stage_finds_a_stage_by_its_order()
    {
        var campaign = NewCampaign(Stage(1, OrganisationLevel.ProvincialUnit), Stage(2, OrganisationLevel.Ministry));

        Assert.Equal(OrganisationLevel.Ministry, campaign.Stage(2)?.Level);
        Assert.Null(campaign.Stage(0));
        Assert.Null(campaign.Stage(3));
    }
}
