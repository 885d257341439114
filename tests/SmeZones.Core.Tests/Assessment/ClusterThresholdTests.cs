using SmeZones.Core.Assessment;
using static SmeZones.Core.Tests.Assessment.AssessmentFixtures;

namespace SmeZones.Core.Tests.Assessment;

/// <summary>
/// Thresholds of 中小企业特色产业集群认定标准（2022年版） at each boundary. The standard is not among the seeds; the
/// quoted lines are the Chinese quotations in /work/shared/reference/programme-rules.md ("1 核心竞争力: …").
/// </summary>
public class ClusterThresholdTests
{
    [Fact]
    public void The_passing_fixture_meets_every_checkable_requirement()
    {
        var assessment = Cluster();

        Assert.True(assessment.AllGatesMet);
        Assert.All(assessment.Groups.SelectMany(g => g.Requirements), r => Assert.Contains(r.Outcome, new[] { RequirementOutcome.Met, RequirementOutcome.ReviewerJudgement }));
        Assert.Empty(assessment.Warnings);
        Assert.All(assessment.Groups, g => Assert.Null(g.MaxPoints)); // pass/fail, no points
    }

    // "占地面积一般不超过100平方公里"
    [Theory]
    [InlineData("100", RequirementOutcome.Met)]
    [InlineData("100.01", RequirementOutcome.NotMet)]
    [InlineData("", RequirementOutcome.DataMissing)]
    public void Area_at_most_100_square_kilometres(string area, RequirementOutcome expected) =>
        Assert.Equal(expected, Cluster(("basic.area", area)).Req("core.area").Outcome);

    // "近三年产值均在40亿元以上" — every year, 40 included.
    [Theory]
    [InlineData("40", "40", "40", RequirementOutcome.Met)]
    [InlineData("39.99", "50", "60", RequirementOutcome.NotMet)]
    [InlineData("50", "39.99", "60", RequirementOutcome.NotMet)]
    [InlineData("50", "60", "39.99", RequirementOutcome.NotMet)]
    [InlineData("", "60", "39.99", RequirementOutcome.NotMet)] // one year already fails
    [InlineData("", "60", "70", RequirementOutcome.DataMissing)]
    public void Output_forty_yi_yuan_in_each_of_three_years(string y1, string y2, string y3, RequirementOutcome expected)
    {
        var requirement = Cluster(("industry.output.y1", y1), ("industry.output.y2", y2), ("industry.output.y3", y3)).Req("core.outputEachYear");

        Assert.Equal(expected, requirement.Outcome);
        Assert.Equal(3, requirement.Figures.Count);
    }

    // "中小企业产值占集群总产值70%以上" — latest year, 以上 includes 70.
    [Theory]
    [InlineData("69.99", RequirementOutcome.NotMet)]
    [InlineData("70.00", RequirementOutcome.Met)]
    public void Sme_output_share_seventy_percent_or_more(string share, RequirementOutcome expected) =>
        Assert.Equal(expected, Cluster(("industry.smeShare.y3", share)).Req("core.smeOutputShare").Outcome);

    // "主导产业占集群总产值比例高于70%" — 高于 excludes 70.
    [Theory]
    [InlineData("70.00", RequirementOutcome.NotMet)]
    [InlineData("70.01", RequirementOutcome.Met)]
    public void Leading_industry_share_above_seventy_percent(string share, RequirementOutcome expected)
    {
        var requirement = Cluster(("industry.leadingShare.y3", share)).Req("core.leadingIndustryShare");

        Assert.Equal(expected, requirement.Outcome);
        Assert.Contains("2023年", requirement.Explanation, StringComparison.Ordinal);
    }

    // "产值年均增速高于10%" — the stated 近三年集群主导产业产值年均增速, with the computed figure beside it.
    [Theory]
    [InlineData("10.00", RequirementOutcome.NotMet)]
    [InlineData("10.01", RequirementOutcome.Met)]
    [InlineData("", RequirementOutcome.DataMissing)]
    public void Leading_output_growth_above_ten_percent(string stated, RequirementOutcome expected)
    {
        var requirement = Cluster(("industry.leadingGrowthAvg", stated)).Req("core.outputGrowth");

        Assert.Equal(expected, requirement.Outcome);
        Assert.Contains(requirement.Figures, f => f.SourceKey is null && f.Value == 12.00m);
    }

    // "拥有不少于1家主导产业的制造业单项冠军企业或专精特新“小巨人”企业，或者不少于10家专精特新中小企业、创新型中小企业和国家级高新技术企业"
    [Theory]
    [InlineData("1", "0", "0", "0", "0", RequirementOutcome.Met)]
    [InlineData("0", "1", "0", "0", "0", RequirementOutcome.Met)]
    [InlineData("0", "0", "3", "3", "3", RequirementOutcome.NotMet)]
    [InlineData("0", "0", "4", "3", "3", RequirementOutcome.Met)]
    [InlineData("0", "0", "10", "0", "0", RequirementOutcome.Met)]
    [InlineData("0", "0", "", "3", "3", RequirementOutcome.DataMissing)]
    public void Quality_firms_one_champion_or_ten_combined(string champions, string giants, string specialised, string innovative, string highTech, RequirementOutcome expected)
    {
        var requirement = Cluster(
            ("industry.champions.y3", champions), ("industry.littleGiants.y3", giants),
            ("industry.provincialSpecialised.y3", specialised), ("industry.innovativeSmes.y3", innovative), ("industry.highTech.y3", highTech)).Req("tiers.qualityFirms");

        Assert.Equal(expected, requirement.Outcome);
    }

    [Theory]
    [InlineData("basic.majorIncident", "gate.noMajorIncident")]
    [InlineData("basic.misconduct", "gate.noMisconduct")]
    [InlineData("basic.prohibitedIndustry", "gate.notProhibitedIndustry")]
    public void Gates_fail_on_yes(string answerKey, string requirementKey)
    {
        var assessment = Cluster((answerKey, "yes"));

        Assert.Equal(RequirementOutcome.NotMet, assessment.Req(requirementKey).Outcome);
        Assert.False(assessment.AllGatesMet);
    }

    [Fact]
    public void Dimensions_three_to_eight_are_the_reviewers()
    {
        var assessment = Cluster(("open.activities.expos", "true"), ("open.overseasBranches", "2"));

        foreach (var key in new[] { "chain.judgement", "innovation.judgement", "digital.judgement", "green.judgement", "open.judgement", "governance.judgement" })
        {
            Assert.Equal(RequirementOutcome.ReviewerJudgement, assessment.Req(key).Outcome);
        }

        Assert.Contains(assessment.Req("open.judgement").Figures, f => f.SourceKey == "open.overseasBranches" && f.Value == 2m);
    }
}
