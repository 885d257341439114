using SmeZones.Core.Forms;

namespace SmeZones.Core.Tests.Forms;

public class ComputationTests
{
    private static FormAnswers Answers(params (string Key, string Value)[] answers) =>
        new(answers.Select(a => new KeyValuePair<string, string>(a.Key, a.Value)));

    [Fact]
    public void Three_yearly_growth_rates_average_by_compounding()
    {
        var definition = FormEditionCatalogue.Default.Get("zone-2026");
        var answers = Answers(("openness.fdiGrowth.y1", "10"), ("openness.fdiGrowth.y2", "-5"), ("openness.fdiGrowth.y3", "20"));

        var suggestion = FormComputations.Suggest(definition, 2026, answers).Single(s => s.Key == "openness.fdiGrowth.average");

        // (1.10 × 0.95 × 1.20)^(1/3) − 1 = 1.254^(1/3) − 1 = 7.837…%
        Assert.Equal(7.84m, suggestion.Value);
        Assert.Contains("2023–2025年", suggestion.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_suggestion_waits_until_every_year_is_filled()
    {
        var definition = FormEditionCatalogue.Default.Get("zone-2026");
        var answers = Answers(("openness.fdiGrowth.y1", "10"), ("openness.fdiGrowth.y2", "5"));

        Assert.DoesNotContain(FormComputations.Suggest(definition, 2026, answers), s => s.Key == "openness.fdiGrowth.average");
    }

    [Fact]
    public void Yearly_values_give_the_average_annual_growth()
    {
        var definition = FormEditionCatalogue.Default.Get("zone-2026");
        var answers = Answers(("revenue.total.y1", "100"), ("revenue.total.y2", "110"), ("revenue.total.y3", "121"));

        Assert.Equal(10.00m, FormComputations.Suggest(definition, 2026, answers).Single(s => s.Key == "revenue.total.average").Value);
    }

    [Fact]
    public void Leading_industry_growth_is_computed_from_output_times_its_share()
    {
        var definition = FormEditionCatalogue.Default.Get("cluster-2024");
        var answers = Answers(
            ("industry.output.y1", "50"), ("industry.output.y2", "55"), ("industry.output.y3", "60"),
            ("industry.leadingShare.y1", "80"), ("industry.leadingShare.y2", "80"), ("industry.leadingShare.y3", "90"));

        // 40 → 54: (54 / 40)^(1/2) − 1 = 16.19%
        Assert.Equal(16.19m, FormComputations.Suggest(definition, 2024, answers).Single(s => s.Key == "industry.leadingGrowthAvg").Value);
    }

    [Fact]
    public void Patents_per_ten_thousand_employees_follow_the_formula()
    {
        var definition = FormEditionCatalogue.Default.Get("cluster-2024");
        var answers = Answers(("innovation.validPatents", "300"), ("innovation.employees.y3", "20000"));

        var suggestion = FormComputations.Suggest(definition, 2024, answers).Single(s => s.Key == "innovation.patentsPer10k");

        Assert.Equal(150.00m, suggestion.Value);
    }

    [Fact]
    public void Energy_reduction_rate_compares_the_first_and_last_year()
    {
        var definition = FormEditionCatalogue.Default.Get("cluster-review-xj");
        var answers = Answers(("green.energyIntensity.y1", "0.50"), ("green.energyIntensity.y2", "0.45"), ("green.energyIntensity.y3", "0.40"));

        Assert.Equal(20.00m, FormComputations.Suggest(definition, 2026, answers).Single(s => s.Key == "green.energyReduction").Value);
    }

    [Fact]
    public void Cloud_share_is_computed_for_the_latest_year_with_its_year_in_the_explanation()
    {
        var definition = FormEditionCatalogue.Default.Get("cluster-review-xj");
        var answers = Answers(("digital.cloudSmes.y3", "45"), ("industry.smes.y3", "150"));

        var suggestion = FormComputations.Suggest(definition, 2026, answers).Single(s => s.Key == "digital.cloudShare.y3");

        Assert.Equal(30.00m, suggestion.Value);
        Assert.StartsWith("集群中小企业上云比例（2025年）", suggestion.Explanation, StringComparison.Ordinal);
    }
}
