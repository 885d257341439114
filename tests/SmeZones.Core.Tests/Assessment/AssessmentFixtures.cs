using SmeZones.Core.Assessment;
using SmeZones.Core.Forms;
using AssessmentResult = SmeZones.Core.Assessment.Assessment;

namespace SmeZones.Core.Tests.Assessment;

/// <summary>Answers that meet every requirement, so each test changes only the figure it is about.</summary>
internal static class AssessmentFixtures
{
    public const int ZoneRound = 2026; // zone-2026: data years 2023–2025
    public const int ClusterRound = 2024; // cluster-2024: data years 2021–2023, plan 2023 → 2026
    public const int ReviewRound = 2026; // cluster-review-xj: data years 2023–2025, plan 2025 → 2028

    public static AssessmentSettings ZoneSettings { get; } = new() { ProvinceFdiGrowthAverage = 5m, ProvinceExportGrowthAverage = 5m };

    public static Dictionary<string, string> ZonePassing() => new(StringComparer.Ordinal)
    {
        ["basic.majorIncident"] = "no",
        ["basic.seriousMisconduct"] = "no",
        ["basic.withinPrefecture"] = "yes",
        ["basic.industrialPolicy"] = "yes",
        ["basic.clearBoundaries"] = "yes",
        ["basic.hasPlan"] = "yes",
        ["basic.fullServiceCoverage"] = "yes",
        ["basic.operator"] = "某市中外中小企业合作区管理委员会",
        ["plan.text"] = "一、合作区基本概况……",
        ["revenue.total.y1"] = "150", ["revenue.total.y2"] = "160", ["revenue.total.y3"] = "170",
        ["revenue.smeShare.y1"] = "70", ["revenue.smeShare.y2"] = "70", ["revenue.smeShare.y3"] = "70",
        ["openness.foreignFirms.y1"] = "12", ["openness.foreignFirms.y2"] = "12", ["openness.foreignFirms.y3"] = "12",
        ["openness.fdiGrowth.y1"] = "8", ["openness.fdiGrowth.y2"] = "8", ["openness.fdiGrowth.y3"] = "8",
        ["openness.exportGrowth.y1"] = "6", ["openness.exportGrowth.y2"] = "6", ["openness.exportGrowth.y3"] = "6",
        ["openness.agreements.y1"] = "2", ["openness.agreements.y2"] = "3", ["openness.agreements.y3"] = "3",
        ["openness.mechanism"] = "与德国某工业园区签订合作备忘录，建立年度联席会议机制",
        ["openness.overseasOffices.y1"] = "1", ["openness.overseasOffices.y2"] = "2", ["openness.overseasOffices.y3"] = "2",
        ["openness.exchange.marketExpansion"] = "true",
        ["innovation.rdGrowth.y1"] = "6", ["innovation.rdGrowth.y2"] = "6", ["innovation.rdGrowth.y3"] = "6",
        ["innovation.nationalPlatforms.count"] = "1", ["innovation.nationalPlatforms.names"] = "国家企业技术中心",
        ["innovation.provincialPlatforms.count"] = "2", ["innovation.provincialPlatforms.names"] = "省工程研究中心",
        ["innovation.overseasRd.count"] = "1", ["innovation.overseasRd.names"] = "慕尼黑研发中心",
        ["innovation.patentGrowth.y1"] = "12", ["innovation.patentGrowth.y2"] = "12", ["innovation.patentGrowth.y3"] = "12",
        ["innovation.pct.y1"] = "6", ["innovation.pct.y2"] = "6", ["innovation.pct.y3"] = "6",
        ["quality.champions"] = "1", ["quality.littleGiants"] = "2", ["quality.specialised"] = "15", ["quality.techSmes"] = "30",
        ["quality.development.digital"] = "true", ["quality.development.green"] = "true",
        ["service.operator.operatorEstablished"] = "true", ["service.operator.internationalServices"] = "true",
        ["service.enterprise.policy"] = "true",
    };

    public static Dictionary<string, string> ClusterPassing() => new(StringComparer.Ordinal)
    {
        ["basic.area"] = "50",
        ["basic.prohibitedIndustry"] = "no",
        ["basic.majorIncident"] = "no",
        ["basic.misconduct"] = "no",
        // 50 → 56 → 62.72 at a constant 75% share: the leading industry grows 12.00% a year.
        ["industry.output.y1"] = "50", ["industry.output.y2"] = "56", ["industry.output.y3"] = "62.72",
        ["industry.countyShare.y1"] = "30", ["industry.countyShare.y2"] = "30", ["industry.countyShare.y3"] = "30",
        ["industry.smeShare.y1"] = "80", ["industry.smeShare.y2"] = "80", ["industry.smeShare.y3"] = "80",
        ["industry.leadingShare.y1"] = "75", ["industry.leadingShare.y2"] = "75", ["industry.leadingShare.y3"] = "75",
        ["industry.leadingGrowthAvg"] = "12",
        ["industry.firms.y1"] = "100", ["industry.firms.y2"] = "100", ["industry.firms.y3"] = "100",
        ["industry.smes.y1"] = "95", ["industry.smes.y2"] = "95", ["industry.smes.y3"] = "95",
        ["industry.champions.y3"] = "1", ["industry.littleGiants.y3"] = "1",
        ["industry.provincialSpecialised.y3"] = "5", ["industry.innovativeSmes.y3"] = "5", ["industry.highTech.y3"] = "5",
        ["plan.targets.outputGrowth.baseline"] = "12", ["plan.targets.outputGrowth.target"] = "12",
        ["plan.targets.qualitySmes.baseline"] = "20", ["plan.targets.qualitySmes.target"] = "26",
        ["plan.targets.rdSpending.baseline"] = "10", ["plan.targets.rdSpending.target"] = "14",
        ["plan.targets.patents.baseline"] = "100", ["plan.targets.patents.target"] = "160",
        ["plan.targets.iiPenetration.baseline"] = "30", ["plan.targets.iiPenetration.target"] = "50",
        ["plan.targets.co2.baseline"] = "100", ["plan.targets.co2.target"] = "80",
        ["plan.targets.energy.baseline"] = "1", ["plan.targets.energy.target"] = "0.85",
    };

    public static Dictionary<string, string> ReviewPassing()
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["basic.prohibitedIndustry"] = "no",
            ["basic.operatorChanged"] = "no",
            ["basic.majorIncident"] = "no",
            ["basic.misconduct"] = "no",
            ["plan.achievement.openness.target"] = "新建境外合作园区1个",
            ["plan.achievement.openness.achieved"] = "已建成",
            ["plan.achievement.governance.target"] = "组建产业联盟",
            ["plan.achievement.governance.achieved"] = "已组建",
        };
        // 2023 baseline → 2025 target → 2025 achieved; then 2025 baseline (= achieved) → 2028 target.
        (string Row, string Baseline, string Target, string Achieved, string NewTarget)[] rows =
        [
            ("outputGrowth", "10", "12", "12.5", "12"),
            ("qualitySmes", "20", "30", "31", "35"),
            ("rdSpending", "10", "12", "12.5", "17"),
            ("patents", "100", "130", "135", "210"),
            ("iiPenetration", "30", "40", "41", "50"),
            ("co2", "100", "90", "88", "75"),
            ("energy", "1", "0.9", "0.88", "0.75"),
        ];
        foreach (var (row, baseline, target, achieved, newTarget) in rows)
        {
            answers[$"plan.achievement.{row}.baseline"] = baseline;
            answers[$"plan.achievement.{row}.target"] = target;
            answers[$"plan.achievement.{row}.achieved"] = achieved;
            answers[$"plan.targets.{row}.baseline"] = achieved;
            answers[$"plan.targets.{row}.target"] = newTarget;
        }

        return answers;
    }

    /// <summary>The answers with changes applied; a null value removes the answer.</summary>
    public static FormAnswers With(Dictionary<string, string> answers, params (string Key, string? Value)[] changes)
    {
        var copy = new FormAnswers(answers);
        foreach (var (key, value) in changes)
        {
            copy.Set(key, value);
        }

        return copy;
    }

    public static AssessmentResult Zone(FormAnswers answers, AssessmentSettings? settings = null) =>
        AssessmentEngine.Assess("zone-2024", FormEditionCatalogue.Default.Get("zone-2026"), ZoneRound, answers, settings ?? ZoneSettings);

    public static AssessmentResult Zone(params (string Key, string? Value)[] changes) => Zone(With(ZonePassing(), changes));

    public static AssessmentResult Cluster(FormAnswers answers, AssessmentSettings? settings = null) =>
        AssessmentEngine.Assess("cluster-2022", FormEditionCatalogue.Default.Get("cluster-2024"), ClusterRound, answers, settings ?? AssessmentSettings.None);

    public static AssessmentResult Cluster(params (string Key, string? Value)[] changes) => Cluster(With(ClusterPassing(), changes));

    public static AssessmentResult ClusterReview(params (string Key, string? Value)[] changes) =>
        AssessmentEngine.Assess("cluster-review-xj", FormEditionCatalogue.Default.Get("cluster-review-xj"), ReviewRound, With(ReviewPassing(), changes), AssessmentSettings.None);

    /// <summary>The requirement with this key; fails the test when the assessment has none.</summary>
    public static RequirementResult Req(this AssessmentResult assessment, string key) =>
        assessment.Requirement(key) ?? throw new Xunit.Sdk.XunitException($"No requirement '{key}'.");

    /// <summary>The answer keys of every year of a yearly field set to one value.</summary>
    public static (string Key, string? Value)[] EveryYear(string stem, string value) =>
        [($"{stem}.y1", value), ($"{stem}.y2", value), ($"{stem}.y3", value)];
}
