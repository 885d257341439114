using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Forms;
using SmeZones.Core.Publication;
using SmeZones.Core.Registry;
using SmeZones.Core.Tests.Infrastructure;

namespace SmeZones.Core.Tests.Registry;

/// <summary>The 年度发展报告: its forms as data, its deadlines in 北京时间, its prefill and completion, and its workflow's states.</summary>
public class AnnualReportTests(MigratedDatabaseFixture fixture) : IClassFixture<MigratedDatabaseFixture>
{
    private static readonly Actor Holder = new(null, "holder.test", null);
    private static readonly byte[] SmallPdf = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"u8.ToArray();

    private static FormDefinition ZoneReport => FormEditionCatalogue.Default.AnnualReportFor(Programme.Zone)!;
    private static FormDefinition ClusterReport => FormEditionCatalogue.Default.AnnualReportFor(Programme.Cluster)!;

    [Fact]
    public void A_zone_report_is_due_by_31_March_and_a_cluster_report_by_30_April_of_the_next_year()
    {
        Assert.Equal(new DateOnly(2027, 3, 31), AnnualReportDue.Deadline(ZoneReport, 2026));
        Assert.Equal(new DateOnly(2027, 4, 30), AnnualReportDue.Deadline(ClusterReport, 2026));
    }

    [Fact]
    public void The_deadline_day_ends_at_midnight_Beijing_time_23_59_59_on_time_00_00_00_late()
    {
        var zone = AnnualReportDue.Deadline(ZoneReport, 2026);
        Assert.False(AnnualReportDue.IsLate(zone, ChinaTime.At(2027, 3, 31, 23, 59).AddSeconds(59)));
        Assert.True(AnnualReportDue.IsLate(zone, ChinaTime.At(2027, 4, 1)));
        // 16:00 UTC on 31 March is already 1 April in Beijing.
        Assert.True(AnnualReportDue.IsLate(zone, new DateTimeOffset(2027, 3, 31, 16, 0, 0, TimeSpan.Zero)));
        var cluster = AnnualReportDue.Deadline(ClusterReport, 2026);
        Assert.False(AnnualReportDue.IsLate(cluster, ChinaTime.At(2027, 4, 30, 23, 59).AddSeconds(59)));
        Assert.True(AnnualReportDue.IsLate(cluster, ChinaTime.At(2027, 5, 1)));
    }

    [Fact]
    public void The_reports_key_indicators_carry_the_application_forms_own_labels_and_units()
    {
        foreach (var report in new[] { ZoneReport, ClusterReport })
        {
            var application = FormEditionCatalogue.Default.ApplicationForms.Where(f => f.Programme == report.Programme && f.Edition is not null)
                .OrderByDescending(f => f.RoundYear).First();
            var fields = application.Sections.SelectMany(s => s.Fields).ToDictionary(f => f.Key);
            var indicators = report.Sections[0].Fields;
            Assert.NotEmpty(indicators);
            Assert.All(indicators, f =>
            {
                Assert.True(fields.TryGetValue(f.Key, out var original), $"{report.Key}: {f.Key} is not in {application.Key}");
                Assert.Equal((original!.Label, original.Unit), (f.Label, f.Unit));
            });
        }
    }

    [Fact]
    public void Annual_report_forms_are_not_offered_to_rounds_and_do_not_set_the_programmes_words()
    {
        Assert.DoesNotContain(FormEditionCatalogue.Default.ApplicationForms, f => f.IsAnnualReport);
        Assert.Equal("合作区", Programme.Zone.Words()!.Unit);
        Assert.Equal(5, Programme.Zone.Words()!.ValidityYears);
    }

    [Fact]
    public async Task Starting_a_cluster_report_prefills_the_original_plans_targets_and_completion_is_computed_as_the_re_review_computes_it()
    {
        await using var db = fixture.CreateContext();
        var application = await TestData.SaveApplicationAsync(db);
        var original = new Dictionary<string, string>
        {
            ["plan.targets.outputGrowth.baseline"] = "9.5%", ["plan.targets.outputGrowth.target"] = "12%",
            ["plan.targets.co2.baseline"] = "2.0", ["plan.targets.co2.target"] = "1.5",
            ["plan.targets.industryExtra1.indicator"] = "规上企业数量", ["plan.targets.industryExtra1.target"] = "55",
        };
        AddSubmission(db, application, FormEditionCatalogue.Default.Get("cluster-2024"), original);
        await db.SaveChangesAsync();
        var entry = await SaveEntryAsync(db, Programme.Cluster, new DateOnly(2024, 6, 30), application.Id);

        var (report, errors) = await AnnualReports.StartAsync(db, entry, 2025, Holder, ChinaTime.At(2026, 2, 1));

        Assert.Empty(errors);
        var table = AnnualReportProgress.Table(ClusterReport)!.Key;
        Assert.Equal("12%", report!.Answers[$"{table}.outputGrowth.target"]);
        Assert.Equal("9.5%", report.Answers[$"{table}.outputGrowth.baseline"]);
        Assert.Equal("规上企业数量", report.Answers[$"{table}.industryExtra1.indicator"]);
        Assert.Equal(entry.Name, report.Answers["cover.name"]);

        report.Answers[$"{table}.outputGrowth.achieved"] = "13.2%";
        report.Answers[$"{table}.co2.achieved"] = "1.8";
        var lines = AnnualReportProgress.Lines(ClusterReport, report.Answers);
        Assert.Contains(lines, l => l is { Indicator: "近三年集群产值年均增速", Rate: 110m, Met: true, Completion: "110%（已完成）" });
        // A "down" indicator: planned reduction 0.5, achieved 0.2 → 40%, not met — the re-review's own rule.
        Assert.Contains(lines, l => l is { Indicator: "二氧化碳排放量", Rate: 40m, Met: false, Completion: "40%（未完成）" });
    }

    [Fact]
    public async Task A_re_review_prefill_takes_the_achieved_values_of_the_latest_accepted_report_and_ignores_one_not_yet_accepted()
    {
        await using var db = fixture.CreateContext();
        var application = await TestData.SaveApplicationAsync(db);
        AddSubmission(db, application, FormEditionCatalogue.Default.Get("cluster-2024"), new Dictionary<string, string>
        {
            ["plan.targets.outputGrowth.baseline"] = "9.5%", ["plan.targets.outputGrowth.target"] = "12%",
        });
        await db.SaveChangesAsync();
        var entry = await SaveEntryAsync(db, Programme.Cluster, new DateOnly(2021, 6, 30), application.Id);
        var table = AnnualReportProgress.Table(ClusterReport)!.Key;
        AnnualReport Report(int year, AnnualReportStatus status, string achieved) => new()
        {
            Id = Guid.NewGuid(), EntryId = entry.Id, Year = year, FormEditionKey = ClusterReport.Key, Status = status,
            Answers = new() { [$"{table}.outputGrowth.achieved"] = achieved, [$"{table}.co2.achieved"] = " " },
            CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        };
        db.AnnualReports.AddRange(Report(2023, AnnualReportStatus.Accepted, "10%"), Report(2024, AnnualReportStatus.Accepted, "13.2%"),
            Report(2025, AnnualReportStatus.WithMinistry, "99%"));
        await db.SaveChangesAsync();

        var actuals = await AnnualReportActuals.ForAsync(db, entry.Id);

        Assert.Equal(new Dictionary<string, string> { ["outputGrowth"] = "13.2%" }, actuals);
        var reReview = FormEditionCatalogue.Default.Get("cluster-review-xj");
        var answers = ReReviewPrefill.Answers(reReview, entry, await ReReviewPrefill.ForAsync(db, entry.Id), actuals);
        var achievedTable = AnnualReportProgress.Table(reReview)!.Key;
        Assert.Equal("13.2%", answers[$"{achievedTable}.outputGrowth.achieved"]);
        Assert.Equal("12%", answers[$"{achievedTable}.outputGrowth.target"]);
    }

    [Fact]
    public async Task A_report_submitted_at_23_59_59_on_the_deadline_is_on_time_and_one_at_midnight_is_late()
    {
        await using var db = fixture.CreateContext();
        var onTime = await SubmittedAsync(db, ChinaTime.At(2027, 3, 31, 23, 59).AddSeconds(59));
        var late = await SubmittedAsync(db, ChinaTime.At(2027, 4, 1));
        Assert.False(onTime.SubmittedLate);
        Assert.True(late.SubmittedLate);
        Assert.Equal(AnnualReportStatus.WithProvince, late.Status);
        var stored = await db.AnnualReportSubmissions.AsNoTracking().SingleAsync(s => s.ReportId == late.Id);
        Assert.Equal(AnnualReportSnapshot.HashOf(stored.CanonicalJson), stored.Sha256);
    }

    [Fact]
    public async Task Return_forward_and_accept_are_refused_from_the_wrong_state()
    {
        await using var db = fixture.CreateContext();
        var entry = await SaveEntryAsync(db, Programme.Zone, new DateOnly(2025, 6, 30));
        var (draft, _) = await AnnualReports.StartAsync(db, entry, 2026, Holder, ChinaTime.At(2027, 1, 5));
        var now = ChinaTime.At(2027, 2, 1);
        async Task<uint> VersionAsync() => await fixture.CreateContext().AnnualReports.Where(r => r.Id == draft!.Id).Select(r => r.Version).SingleAsync();

        // A draft is neither the province's nor the ministry's.
        Assert.Equal(AnnualReports.Conflict, (await AnnualReports.ProvinceReviewAsync(fixture.CreateContext(), draft!.Id, await VersionAsync(), true, null, Holder, now)).Single().Message);
        Assert.Equal(AnnualReports.Conflict, (await AnnualReports.MinistryDecideAsync(fixture.CreateContext(), draft.Id, await VersionAsync(), true, null, Holder, now)).Single().Message);

        await using (var fill = fixture.CreateContext())
        {
            var report = await fill.AnnualReports.SingleAsync(r => r.Id == draft.Id);
            report.Answers = CompleteAnswers(ZoneReport, 2027);
            report.EvidenceBytes = SmallPdf;
            report.EvidenceFileName = "a.pdf";
            report.EvidenceContentType = "application/pdf";
            await fill.SaveChangesAsync();
        }
        Assert.Empty(await AnnualReports.SubmitAsync(fixture.CreateContext(), draft.Id, await VersionAsync(), Holder, now));
        // With the province: not yet the ministry's; not the holder's to submit again; a return needs a comment.
        Assert.Equal(AnnualReports.Conflict, (await AnnualReports.MinistryDecideAsync(fixture.CreateContext(), draft.Id, await VersionAsync(), true, null, Holder, now)).Single().Message);
        Assert.Equal(AnnualReports.Conflict, (await AnnualReports.SubmitAsync(fixture.CreateContext(), draft.Id, await VersionAsync(), Holder, now)).Single().Message);
        Assert.Equal("comment", (await AnnualReports.ProvinceReviewAsync(fixture.CreateContext(), draft.Id, await VersionAsync(), false, " ", Holder, now)).Single().Key);
        // A stale version is refused too.
        Assert.Equal(AnnualReports.Conflict, (await AnnualReports.ProvinceReviewAsync(fixture.CreateContext(), draft.Id, await VersionAsync() + 1, true, null, Holder, now)).Single().Message);
        Assert.Empty(await AnnualReports.ProvinceReviewAsync(fixture.CreateContext(), draft.Id, await VersionAsync(), true, null, Holder, now));
        // Forwarded: the province cannot act again.
        Assert.Equal(AnnualReports.Conflict, (await AnnualReports.ProvinceReviewAsync(fixture.CreateContext(), draft.Id, await VersionAsync(), true, null, Holder, now)).Single().Message);
        Assert.Empty(await AnnualReports.MinistryDecideAsync(fixture.CreateContext(), draft.Id, await VersionAsync(), true, null, Holder, now));
        Assert.Equal(AnnualReports.Conflict, (await AnnualReports.MinistryDecideAsync(fixture.CreateContext(), draft.Id, await VersionAsync(), false, "再改", Holder, now)).Single().Message);
        Assert.Equal(AnnualReportStatus.Accepted, (await fixture.CreateContext().AnnualReports.SingleAsync(r => r.Id == draft.Id)).Status);
    }

    [Fact]
    public async Task A_report_is_owed_only_for_years_whose_deadline_falls_after_the_entry_entered_the_portal()
    {
        await using var db = fixture.CreateContext();
        var entry = await SaveEntryAsync(db, Programme.Zone, new DateOnly(2021, 6, 30), createdAt: ChinaTime.At(2025, 1, 10));
        var years = AnnualReportDue.YearsOwed(entry, new DateOnly(2027, 12, 31)).Select(y => y.Year).ToList();
        Assert.Equal([2024, 2025, 2026], years);
        var (report, errors) = await AnnualReports.StartAsync(db, entry, 2023, Holder, ChinaTime.At(2025, 2, 1));
        Assert.Null(report);
        Assert.Single(errors);
    }

    [Fact]
    public async Task The_integrity_check_reads_every_submitted_annual_report_and_names_one_changed_behind_the_portal()
    {
        await using var db = fixture.CreateContext();
        var report = await SubmittedAsync(db, ChinaTime.At(2027, 2, 1));
        var stored = await fixture.CreateContext().AnnualReportSubmissions.AsNoTracking().SingleAsync(s => s.ReportId == report.Id);

        var before = await StoredIntegrity.VerifyAsync(fixture.CreateContext());
        // The portal's role may only insert here (ADR 0006); the schema's owner can change a row, as a restore gone wrong could.
        await using (var connection = await fixture.Database.OpenOwnerConnectionAsync())
        await using (var command = new Npgsql.NpgsqlCommand($"""
            UPDATE "AnnualReportSubmissions" SET "CanonicalJson" = replace("CanonicalJson", '"10"', '"11"') WHERE "Id" = {stored.Id};
            """, connection))
        {
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }
        var after = await StoredIntegrity.VerifyAsync(fixture.CreateContext());

        Assert.True(before.AnnualReports >= 1);
        Assert.DoesNotContain(stored.Id, before.AlteredAnnualReports!);
        Assert.Contains(stored.Id, after.AlteredAnnualReports!);
        Assert.False(after.Intact);
    }

    private async Task<AnnualReport> SubmittedAsync(PortalDbContext db, DateTimeOffset at)
    {
        var entry = await SaveEntryAsync(db, Programme.Zone, new DateOnly(2025, 6, 30));
        var (report, _) = await AnnualReports.StartAsync(db, entry, 2026, Holder, ChinaTime.At(2027, 1, 5));
        report!.Answers = CompleteAnswers(ZoneReport, 2027);
        Assert.Empty(await AnnualReports.AttachEvidenceAsync(db, report, report.Version, new UploadedFile("证明.pdf", SmallPdf), Holder, at));
        Assert.Empty(await AnnualReports.SubmitAsync(db, report.Id, report.Version, Holder, at));
        return await fixture.CreateContext().AnnualReports.SingleAsync(r => r.Id == report.Id);
    }

    /// <summary>Every required answer filled (numbers 10, texts 无), as a holder who completed the form would.</summary>
    internal static Dictionary<string, string> CompleteAnswers(FormDefinition form, int roundYear) =>
        FormAnswerKeys.For(form, roundYear).Where(s => s.RequiredWhen == RequiredWhen.Always && s.FilledBy == FieldFiller.Applicant)
            .ToDictionary(s => s.Key, s => s.Kind switch
            {
                SlotKind.Number => "10",
                SlotKind.Choice => s.Options![0].Key,
                SlotKind.Flag => "true",
                _ => "无",
            });

    private static async Task<RegistryEntry> SaveEntryAsync(PortalDbContext db, Programme programme, DateOnly certifiedOn, Guid? applicationId = null, DateTimeOffset? createdAt = null)
    {
        var entry = new RegistryEntry
        {
            Id = Guid.NewGuid(), CertificateNumber = TestData.Unique("证书"), Programme = programme, Name = TestData.Unique("名录"),
            RegionCode = "440600", PrefectureCode = "440600", ProvincialUnitCode = "440000", OperatorName = "运营公司",
            CertifiedOn = certifiedOn, ValidUntil = certifiedOn.AddYears(5), Status = RegistryStatus.Valid,
            CreatedAt = createdAt ?? ChinaTime.At(certifiedOn.Year, certifiedOn.Month, certifiedOn.Day), ApplicationId = applicationId,
        };
        db.RegistryEntries.Add(entry);
        await db.SaveChangesAsync();
        return entry;
    }

    private static void AddSubmission(PortalDbContext db, Application application, FormDefinition definition, Dictionary<string, string> answers)
    {
        var snapshot = new SubmissionSnapshot
        {
            ApplicationId = application.Id, ApplicationNumber = application.Number, Sequence = 1, CampaignName = "测试", RoundYear = 2024,
            Organisation = "测试", SubmittedAt = DateTimeOffset.UtcNow, SubmittedBy = "test", Definition = definition,
            Answers = new SortedDictionary<string, string>(answers, StringComparer.Ordinal), Evidence = [],
        };
        var json = snapshot.ToCanonicalJson();
        db.Submissions.Add(new Submission
        {
            Id = Guid.NewGuid(), ApplicationId = application.Id, Sequence = 1, SubmittedAt = DateTimeOffset.UtcNow,
            SubmittedById = Guid.NewGuid(), CanonicalJson = json, Sha256 = SubmissionSnapshot.HashOf(json),
        });
    }
}
