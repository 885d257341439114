using SmeZones.Core.Applications;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Exports;
using SmeZones.Core.Forms;
using SmeZones.Core.Organisations;
using SmeZones.TestSupport;

namespace SmeZones.Core.Tests.Exports;

/// <summary>What is printed: the live answers while the applicant may edit, the latest frozen snapshot afterwards.</summary>
public class ApplicationPrintSourceTests
{
    [Theory]
    [InlineData(ApplicationStatus.Draft)]
    [InlineData(ApplicationStatus.Returned)]
    public void An_editable_application_prints_its_current_answers_with_the_catalogue_edition_as_a_draft(ApplicationStatus status)
    {
        var application = Zone(status);

        var request = ApplicationPrintSource.For(application, Submission(application, "旧快照"));

        Assert.True(request.IsDraft);
        Assert.Null(request.Fingerprint);
        Assert.Same(FormEditionCatalogue.Default.Get("zone-2026"), request.Definition);
        Assert.Equal(2026, request.RoundYear);
        Assert.Equal("现在的名称", request.Answers.Get("cover.zoneName"));
        Assert.Equal("佛山市工业和信息化局", request.OrganisationName);
        Assert.Equal("HZQ-2026-0042 · 草稿", ApplicationPrint.FooterText(request));
    }

    [Theory]
    [InlineData(ApplicationStatus.Submitted)]
    [InlineData(ApplicationStatus.NotRecommended)]
    public void A_submitted_application_prints_the_snapshot_with_its_own_definition_copy_and_fingerprint(ApplicationStatus status)
    {
        var application = Zone(status);
        var submission = Submission(application, "提交时的名称");

        var request = ApplicationPrintSource.For(application, submission);

        Assert.False(request.IsDraft);
        Assert.Equal("中外中小企业合作区申报表（提交时版本）", request.Definition.Title);
        Assert.Equal("提交时的名称", request.Answers.Get("cover.zoneName"));
        Assert.Equal("提交单位", request.OrganisationName);
        Assert.Equal(submission.Sha256[..16], request.Fingerprint);
        Assert.Equal(submission.SubmittedAt, request.SubmittedAt);
        Assert.Equal($"HZQ-2026-0042 · {submission.Sha256[..16]}", ApplicationPrint.FooterText(request));
        Assert.Equal("HZQ-2026-0042 中外中小企业合作区申报表（提交时版本）", new ApplicationPrintModel(request).DocumentTitle);
    }

    [Fact]
    public void A_submitted_application_without_a_submission_is_a_broken_record_not_a_draft()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ApplicationPrintSource.For(Zone(ApplicationStatus.Submitted), null));

        Assert.Contains("HZQ-2026-0042", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_applications_submission_is_refused()
    {
        var other = Zone(ApplicationStatus.Submitted);

        Assert.Throws<ArgumentException>(() => ApplicationPrintSource.For(Zone(ApplicationStatus.Submitted), Submission(other, "别人的")));
    }

    private static Application Zone(ApplicationStatus status)
    {
        var answers = FormFixtures.Complete("zone-2026").Set("cover.zoneName", "现在的名称");
        return new Application
        {
            Id = Guid.NewGuid(),
            Number = "HZQ-2026-0042",
            Campaign = new Campaign { Name = "2026年度中外中小企业合作区推荐", Year = 2026, FormEditionKey = "zone-2026", CriteriaEditionKey = "zone-2024" },
            Organisation = new Organisation { Name = "佛山市工业和信息化局", Level = OrganisationLevel.Prefecture, RegionCode = "440600" },
            RegionCode = "440600",
            PrefectureCode = "440600",
            ProvincialUnitCode = "440000",
            Status = status,
            FormEditionKey = "zone-2026",
            Answers = answers.Values.ToDictionary(),
        };
    }

    private static Submission Submission(Application application, string zoneName)
    {
        var definition = FormEditionCatalogue.Default.Get("zone-2026") with { Title = "中外中小企业合作区申报表（提交时版本）" };
        var answers = FormFixtures.Complete("zone-2026").Set("cover.zoneName", zoneName);
        var submittedAt = new DateTimeOffset(2026, 7, 1, 2, 0, 0, TimeSpan.Zero);
        var json = new SubmissionSnapshot
        {
            ApplicationId = application.Id,
            ApplicationNumber = application.Number,
            Sequence = 1,
            CampaignName = application.Campaign!.Name,
            RoundYear = 2026,
            Organisation = "提交单位",
            SubmittedAt = submittedAt,
            SubmittedBy = "applicant.foshan",
            Definition = definition,
            Answers = new SortedDictionary<string, string>(answers.Values.ToDictionary(), StringComparer.Ordinal),
            Evidence = [],
        }.ToCanonicalJson();
        return new Submission
        {
            Id = Guid.NewGuid(),
            ApplicationId = application.Id,
            Sequence = 1,
            SubmittedAt = submittedAt,
            CanonicalJson = json,
            Sha256 = SubmissionSnapshot.HashOf(json),
        };
    }
}
