using SmeZones.Core.Applications;
using SmeZones.Core.Assessment;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Exports;
using SmeZones.Core.Forms;
using SmeZones.Core.Publication;
using static SmeZones.Core.Tests.Assessment.AssessmentFixtures;

namespace SmeZones.Core.Tests.Editions;

/// <summary>ADR 0036: what an edition declares drives the title, the 简介 draft, the criteria and the checks at load.</summary>
public class EditionDeclarationTests
{
    private static FormDefinition Edition(string key) => FormEditionCatalogue.Default.Get(key);

    private static Application Titled(string title) => new()
    {
        Title = title, Number = "T-1", RegionCode = "440600", PrefectureCode = "440600", ProvincialUnitCode = "440000", FormEditionKey = "test",
    };

    [Fact]
    public void The_zone_intro_draft_is_word_for_word_what_the_portal_composed_before()
    {
        var answers = new Dictionary<string, string>
        {
            ["basic.leadingIndustry"] = "装备制造", ["revenue.total.y3"] = "120.5", ["openness.foreignFirms.y3"] = "12",
            ["revenue.smeShare.y3"] = "65", ["quality.specialised"] = "30", ["quality.littleGiants"] = "2", ["quality.champions"] = "1",
        };

        var draft = SummaryIntroDraft.Compose(Edition("zone-2026"), 2026, Titled("中德（佛山）中小企业合作区"), answers);

        Assert.Equal("中德（佛山）中小企业合作区主导产业为装备制造。2025年，合作区营业总收入120.5亿元，外资或合资企业12家，中小企业营业收入占比65%，"
            + "专精特新中小企业30家，专精特新“小巨人”企业2家，制造业单项冠军企业1家。", draft);
    }

    [Fact]
    public void A_blank_or_none_answer_leaves_its_part_out_and_the_draft_still_ends_with_a_full_stop()
    {
        var answers = new Dictionary<string, string> { ["industry.output.y3"] = "80", ["industry.firms.y3"] = "200", ["industry.smes.y3"] = "无" };

        var draft = SummaryIntroDraft.Compose(Edition("cluster-2024"), 2024, Titled(""), answers);

        Assert.Equal("本集群。2023年，集群总产值80亿元，集群企业200家。", draft);
    }

    [Fact]
    public void The_title_is_the_first_filled_title_answer_the_edition_declares()
    {
        var zone = Edition("zone-2026");

        Assert.Equal("封面名称", ApplicationTitle.From(zone, new Dictionary<string, string> { ["cover.zoneName"] = "封面名称", ["basic.clusterName"] = "集群" }));
        Assert.Equal("基本情况名称", ApplicationTitle.From(zone, new Dictionary<string, string> { ["cover.zoneName"] = "封面名称", ["basic.zoneName"] = "基本情况名称" }));
        Assert.Null(ApplicationTitle.From(zone, new Dictionary<string, string> { ["basic.clusterName"] = "另一项目的答案" }));
    }

    [Fact]
    public void Criteria_read_a_semantic_key_where_the_form_maps_it()
    {
        var zone = Edition("zone-2026");
        var mapped = zone with { Edition = zone.Edition! with { CriteriaKeys = new Dictionary<string, string> { ["revenue.total"] = "revenue.smeShare" } } };

        var plain = AssessmentEngine.Assess("zone-2024", zone, ZoneRound, With(ZonePassing()), ZoneSettings).Req("gate.revenue");
        var read = AssessmentEngine.Assess("zone-2024", mapped, ZoneRound, With(ZonePassing()), ZoneSettings).Req("gate.revenue");

        Assert.Equal(RequirementOutcome.Met, plain.Outcome); // 170亿元
        Assert.Equal(RequirementOutcome.NotMet, read.Outcome); // 70, read from the mapped key
        Assert.Contains(read.Figures, f => f.SourceKey == "revenue.smeShare.y3" && f.Value == 70m);
    }

    [Fact]
    public void An_edition_without_a_declaration_or_with_keys_it_does_not_have_is_refused_at_load()
    {
        var zone = Edition("zone-2026");

        Assert.Contains(FormDefinitionChecker.Problems(zone with { Edition = null }), p => p.Contains("declares no 'edition'", StringComparison.Ordinal));
        var wrong = zone with
        {
            Edition = zone.Edition! with
            {
                Criteria = "zone-2099",
                TitleAnswers = ["basic.clusterName"],
                IntroDraft = zone.Edition.IntroDraft with { Parts = ["{answer:industry.output.y3}"] },
            },
            Summary = zone.Summary! with { Columns = [.. zone.Summary.Columns.Select(c => c with { Source = c.Key == "operator" ? "answer:nope" : c.Source })] },
        };

        var problems = FormDefinitionChecker.Problems(wrong);

        Assert.Contains(problems, p => p.Contains("'zone-2099' is not a criteria edition", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'basic.clusterName' is not an answer key", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("{answer:industry.output.y3}", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("summary column 'operator'", StringComparison.Ordinal));
        Assert.Empty(FormDefinitionChecker.Problems(zone));
    }

    [Fact]
    public void The_numbered_evidence_the_edition_declares_is_checked()
    {
        var zone = Edition("zone-2026");

        Assert.Contains(FormDefinitionChecker.Problems(zone with { Edition = zone.Edition! with { NumberedEvidence = 14 } }), p => p.Contains("佐证材料 1–14", StringComparison.Ordinal));
        Assert.Contains(FormDefinitionChecker.Problems(zone with { Edition = zone.Edition! with { NumberedEvidence = null } }), p => p.Contains("numberedEvidence", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bad_file_in_an_editions_directory_is_refused_naming_it_and_the_catalogue_stays_as_it_was()
    {
        var directory = Directory.CreateTempSubdirectory("editions-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "zone-2031.json"), "{ \"key\": \"zone-2031\" ");
            var before = FormEditionCatalogue.Default;

            var error = Assert.Throws<FormDefinitionException>(() => FormEditionCatalogue.AddDirectory(directory.FullName));

            Assert.Contains("zone-2031", error.Message, StringComparison.Ordinal);
            Assert.Same(before, FormEditionCatalogue.Default);
            Assert.Throws<FormDefinitionException>(() => FormEditionCatalogue.AddDirectory(Path.Combine(directory.FullName, "missing")));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_programmes_words_come_from_the_editions()
    {
        Assert.Equal("中外中小企业合作区", Programme.Zone.ToChinese());
        Assert.Equal("JQFH", Programme.ClusterReview.NumberPrefix());
        Assert.Equal(5, ListNames.ValidityYears(Programme.Zone));
        Assert.Equal("集群〔{year}〕{n:000}号", ListNames.DefaultCertificateFormat(Programme.Cluster));
    }
}
