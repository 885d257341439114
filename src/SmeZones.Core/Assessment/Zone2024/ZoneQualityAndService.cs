namespace SmeZones.Core.Assessment;

/// <summary>Dimensions 四、优质中小企业培育成效 (15分) and 五、管理服务效能 (20分).</summary>
internal static class ZoneQualityAndService
{
    public const string ChampionsPart = "quality.qualityFirms.championsOrLittleGiants";
    public const string SpecialisedPart = "quality.qualityFirms.specialised";
    public const string TechSmesPart = "quality.qualityFirms.techSmes";

    public static IReadOnlyList<RequirementResult> Quality(AssessmentInput input, CriteriaEdition edition) =>
    [
        SmeShare(input, edition),
        QualityFirms(input, edition),
        DigitalGreen(input),
    ];

    public static IReadOnlyList<RequirementResult> Service(AssessmentInput input) =>
    [
        Operator(input),
        International(input),
        Coverage(input),
    ];

    /// <summary>"60%以上" includes 60.00%; read for the latest data year (the share the zone has now).</summary>
    private static RequirementResult SmeShare(AssessmentInput input, CriteriaEdition edition)
    {
        var read = input.Number(input.Latest("revenue.smeShare"), "%");
        var check = Thresholds.Check(input, edition.ThresholdFor(ZoneRules.SmeShare.Key), read, $"{Fmt.Year(input.LatestYear)}中小企业营业收入占比");
        return ZoneRules.SmeShare.Result(check.Outcome, check.Sentence, [read.Figure], [check.Relaxation]);
    }

    /// <summary>Three alternatives: 单项冠军 + 小巨人 ≥ 1, or 专精特新 ≥ 10, or 科技和创新型 ≥ 20.</summary>
    private static RequirementResult QualityFirms(AssessmentInput input, CriteriaEdition edition)
    {
        var champions = input.Number("quality.champions", "家");
        var giants = input.Number("quality.littleGiants", "家");
        var specialised = input.Number("quality.specialised", "家");
        var tech = input.Number("quality.techSmes", "家");
        var checks = new[]
        {
            ZoneInnovation.SumCheck(input, edition.ThresholdFor(ChampionsPart), [champions, giants], "制造业单项冠军企业和专精特新“小巨人”企业"),
            Thresholds.Check(input, edition.ThresholdFor(SpecialisedPart), specialised, "专精特新中小企业"),
            Thresholds.Check(input, edition.ThresholdFor(TechSmesPart), tech, "科技和创新型中小企业"),
        };
        var outcome = Outcomes.Any(checks.Select(c => c.Outcome));
        return ZoneRules.QualityFirms.Result(outcome, string.Join("；", checks.Select(c => c.Sentence)), [champions.Figure, giants.Figure, specialised.Figure, tech.Figure], checks.Select(c => c.Relaxation));
    }

    /// <summary>成效显著 is qualitative; the ticked 数字化/绿色化 measures go to the reviewer, neither ticked fails.</summary>
    private static RequirementResult DigitalGreen(AssessmentInput input)
    {
        var digital = input.Ticked("quality.development.digital");
        var green = input.Ticked("quality.development.green");
        var figures = new[]
        {
            new FigureUsed(input.Label("quality.development.digital"), digital ? 1 : 0, string.Empty, "quality.development.digital", null, digital ? "已勾选" : "未勾选"),
            new FigureUsed(input.Label("quality.development.green"), green ? 1 : 0, string.Empty, "quality.development.green", null, green ? "已勾选" : "未勾选"),
        };
        var said = $"数字化转型举措{(digital ? "已" : "未")}勾选，绿色化发展举措{(green ? "已" : "未")}勾选";
        return !digital && !green
            ? ZoneRules.DigitalGreen.Result(RequirementOutcome.NotMet, said, figures)
            : ZoneRules.DigitalGreen.Result(RequirementOutcome.ReviewerJudgement, said + "；成效是否显著由评审判断", figures);
    }

    private static RequirementResult Operator(AssessmentInput input)
    {
        var ticked = input.Ticked("service.operator.operatorEstablished");
        var name = input.Text("basic.operator");
        var figures = new[]
        {
            new FigureUsed(input.Label("service.operator.operatorEstablished"), ticked ? 1 : 0, string.Empty, "service.operator.operatorEstablished", null, ticked ? "已勾选" : "未勾选"),
            new FigureUsed(input.Label("basic.operator"), null, string.Empty, "basic.operator", null, name),
        };
        return !ticked ? ZoneRules.Operator.Result(RequirementOutcome.NotMet, "未勾选“设立了合作区运营管理机构”", figures)
            : name is null || Declarations.SaysNone(name) ? ZoneRules.Operator.Result(RequirementOutcome.DataMissing, "已勾选设立运营管理机构，但未填写合作区运营管理机构名称", figures)
            : ZoneRules.Operator.Result(RequirementOutcome.Met, $"已设立运营管理机构：{name}", figures);
    }

    private static RequirementResult International(AssessmentInput input)
    {
        var ticked = input.Ticked("service.operator.internationalServices");
        var figure = new FigureUsed(input.Label("service.operator.internationalServices"), ticked ? 1 : 0, string.Empty, "service.operator.internationalServices", null, ticked ? "已勾选" : "未勾选");
        return ZoneRules.InternationalServices.Result(ticked ? RequirementOutcome.Met : RequirementOutcome.NotMet, ticked ? "已勾选“引入了国际化服务机构”" : "未勾选“引入了国际化服务机构”", [figure]);
    }

    /// <summary>全覆盖 is the form's 是/否 answer; the services ticked are shown beside it.</summary>
    private static RequirementResult Coverage(AssessmentInput input)
    {
        var declared = Declarations.Check(input, ZoneRules.FullCoverage, "basic.fullServiceCoverage", expected: "yes");
        var services = input.TickedOptions("service.enterprise");
        var figure = new FigureUsed("已勾选的企业服务", services.Count, "项", "service.enterprise", null, string.Join("；", services));
        return declared with
        {
            Explanation = $"{declared.Explanation}；已勾选企业服务 {services.Count}/{input.OptionCount("service.enterprise")} 项",
            Figures = [.. declared.Figures, figure],
        };
    }
}
