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

/// <summary>The registry's time rules and re-review prefill, on a migrated database with the 2026 holiday calendar.</summary>
public class RegistryTests(MigratedDatabaseFixture fixture) : IClassFixture<MigratedDatabaseFixture>
{
    private static readonly Actor Applicant = new(null, "applicant.test", null);

    private static readonly byte[] SmallPdf = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"u8.ToArray();

    internal static async Task<RegistryEntry> SaveEntryAsync(PortalDbContext db, DateOnly certifiedOn, DateOnly validUntil, Guid? applicationId = null)
    {
        var entry = new RegistryEntry
        {
            Id = Guid.NewGuid(), CertificateNumber = TestData.Unique("证书"), Programme = Programme.Zone, Name = TestData.Unique("合作区"),
            RegionCode = "440600", PrefectureCode = "440600", ProvincialUnitCode = "440000", OperatorName = "运营公司",
            CertifiedOn = certifiedOn, ValidUntil = validUntil, Status = RegistryStatus.Valid, CreatedAt = DateTimeOffset.UtcNow, ApplicationId = applicationId,
        };
        db.RegistryEntries.Add(entry);
        await db.SaveChangesAsync();
        return entry;
    }

    private async Task<RegistryStatus> StatusAsync(Guid id)
    {
        await using var db = fixture.CreateContext();
        return await db.RegistryEntries.Where(e => e.Id == id).Select(e => e.Status).SingleAsync();
    }

    [Fact]
    public async Task An_entry_is_valid_on_its_last_day_and_awaits_re_review_from_the_next_day_with_history()
    {
        await using var db = fixture.CreateContext();
        var entry = await SaveEntryAsync(db, new DateOnly(2021, 6, 30), new DateOnly(2025, 12, 31));

        await RegistryLifecycle.ApplyExpiryAsync(fixture.CreateContext(), ChinaTime.At(2025, 12, 31));
        Assert.Equal(RegistryStatus.Valid, await StatusAsync(entry.Id));

        await using (var second = fixture.CreateContext())
        {
            Assert.True(await RegistryLifecycle.ApplyExpiryAsync(second, ChinaTime.At(2026, 1, 1)) >= 1);
        }
        Assert.Equal(RegistryStatus.ExpiredAwaitingReview, await StatusAsync(entry.Id));
        await using var check = fixture.CreateContext();
        var history = await check.RegistryChanges.Where(c => c.EntryId == entry.Id).SingleAsync();
        Assert.Equal((RegistryFields.Status, "有效", "期满待复核", new DateOnly(2026, 1, 1)), (history.Field, history.OldValue, history.NewValue, history.EffectiveOn));

        // Run again: nothing more happens to it.
        await RegistryLifecycle.ApplyExpiryAsync(fixture.CreateContext(), ChinaTime.At(2026, 1, 2));
        Assert.Equal(1, await check.RegistryChanges.CountAsync(c => c.EntryId == entry.Id));
    }

    [Fact]
    public async Task A_passed_re_review_extends_validity_by_five_years_for_a_zone_and_is_valid_again()
    {
        await using var db = fixture.CreateContext();
        var entry = await SaveEntryAsync(db, new DateOnly(2021, 6, 30), new DateOnly(2025, 12, 31));
        await RegistryLifecycle.ApplyExpiryAsync(fixture.CreateContext(), ChinaTime.At(2026, 1, 1));
        await using var ministry = fixture.CreateContext();
        var version = await ministry.RegistryEntries.Where(e => e.Id == entry.Id).Select(e => e.Version).SingleAsync();

        Assert.Empty(await RegistryLifecycle.RecordReReviewPassedAsync(ministry, entry.Id, version, "工信部企业函〔2026〕1号", Applicant, ChinaTime.At(2026, 3, 1)));

        await using var check = fixture.CreateContext();
        var after = await check.RegistryEntries.SingleAsync(e => e.Id == entry.Id);
        Assert.Equal((RegistryStatus.ReviewPassed, new DateOnly(2030, 12, 31)), (after.Status, after.ValidUntil));
        Assert.Contains(await check.RegistryChanges.Where(c => c.EntryId == entry.Id).ToListAsync(),
            c => c.Field == RegistryFields.ValidUntil && c.OldValue == "2025年12月31日" && c.NewValue == "2030年12月31日");
    }

    [Fact]
    public async Task A_change_filed_on_the_thirtieth_working_day_across_the_national_day_holiday_is_on_time_and_the_next_day_late()
    {
        // Change on Tue 15 Sep 2026. Counting from Wed 16 Sep: Sun 20 Sep is a 调休 working day, Fri 25 Sep (中秋) and
        // 1–7 Oct are off, Sat 10 Oct works, so the 30th working day is Mon 2 Nov (plain weekdays alone would give Tue 27 Oct).
        var changedOn = new DateOnly(2026, 9, 15);
        await using var db = fixture.CreateContext();
        var onTime = await SaveEntryAsync(db, new DateOnly(2024, 6, 30), new DateOnly(2028, 12, 31));
        var late = await SaveEntryAsync(db, new DateOnly(2024, 6, 30), new DateOnly(2028, 12, 31));

        RegistryRequestInput Input() => new(RegistryRequestKind.Operator, "新运营公司", changedOn, "运营管理机构改制。", new UploadedFile("批复.pdf", SmallPdf));
        var (first, errors) = await RegistryRequests.FileAsync(db, onTime, Input(), Applicant, ChinaTime.At(2026, 11, 2, 23, 59));
        Assert.Empty(errors);
        Assert.Equal(new DateOnly(2026, 11, 2), first!.Deadline);
        Assert.False(first.FiledLate);

        var (second, lateErrors) = await RegistryRequests.FileAsync(db, late, Input(), Applicant, ChinaTime.At(2026, 11, 3));
        Assert.Empty(lateErrors);
        Assert.True(second!.FiledLate);
    }

    [Fact]
    public async Task A_second_open_request_for_the_same_entry_is_refused()
    {
        await using var db = fixture.CreateContext();
        var entry = await SaveEntryAsync(db, new DateOnly(2024, 6, 30), new DateOnly(2028, 12, 31));
        var input = new RegistryRequestInput(RegistryRequestKind.Name, "新名称" + Guid.NewGuid().ToString("N")[..6], new DateOnly(2026, 11, 2), "更名。", new UploadedFile("批复.pdf", SmallPdf));
        Assert.Empty((await RegistryRequests.FileAsync(db, entry, input, Applicant, ChinaTime.At(2026, 11, 3))).Errors);
        var (again, errors) = await RegistryRequests.FileAsync(db, entry, input, Applicant, ChinaTime.At(2026, 11, 3));
        Assert.Null(again);
        Assert.Contains(errors, e => e.Message.Contains("正在办理", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_re_review_prefill_equals_the_targets_of_the_original_applications_last_submission()
    {
        await using var db = fixture.CreateContext();
        var application = await TestData.SaveApplicationAsync(db);
        var definition = FormEditionCatalogue.Default.Get("cluster-2024");
        var original = new Dictionary<string, string>
        {
            ["plan.targets.outputGrowth.baseline"] = "9.5%", ["plan.targets.outputGrowth.target"] = "12%",
            ["plan.targets.patents.baseline"] = "120", ["plan.targets.patents.target"] = "180",
            ["plan.targets.industryExtra1.indicator"] = "规上企业数量", ["plan.targets.industryExtra1.baseline"] = "40", ["plan.targets.industryExtra1.target"] = "55",
            ["plan.text"] = "未来三年发展规划……",
        };
        // An earlier submission with other values: the prefill must come from the last one.
        AddSubmission(db, application, definition, 1, new Dictionary<string, string> { ["plan.targets.outputGrowth.target"] = "10%" });
        AddSubmission(db, application, definition, 2, original);
        await db.SaveChangesAsync();
        var entry = await SaveEntryAsync(db, new DateOnly(2023, 6, 30), new DateOnly(2025, 12, 31), application.Id);
        // Later edits of the live answers do not matter either.
        application.Answers["plan.targets.outputGrowth.target"] = "99%";
        await db.SaveChangesAsync();

        var prefill = await ReReviewPrefill.ForAsync(fixture.CreateContext(), entry.Id);

        Assert.NotNull(prefill);
        Assert.Equal(2, prefill.SubmissionSequence);
        var expected = original.Where(a => a.Key.StartsWith("plan.targets.", StringComparison.Ordinal)).ToDictionary(a => a.Key, a => a.Value);
        var actual = prefill.Targets.SelectMany(t => new[]
            {
                ($"plan.targets.{t.RowKey}.baseline", t.Baseline), ($"plan.targets.{t.RowKey}.target", t.Target),
                ($"plan.targets.{t.RowKey}.indicator", t.RowKey.Contains("Extra", StringComparison.Ordinal) ? t.Indicator : null),
            })
            .Where(c => c.Item2 is not null).ToDictionary(c => c.Item1, c => c.Item2!);
        Assert.Equal(expected.OrderBy(k => k.Key), actual.OrderBy(k => k.Key));
        Assert.Contains(prefill.Targets, t => t is { Direction: "主导产业", Indicator: "近三年集群产值年均增速", Target: "12%" });
        Assert.Equal("未来三年发展规划……", prefill.PlanText);
    }

    [Fact]
    public async Task An_imported_entry_has_no_prefill()
    {
        await using var db = fixture.CreateContext();
        var entry = await SaveEntryAsync(db, new DateOnly(2020, 6, 30), new DateOnly(2024, 12, 31));
        Assert.Null(await ReReviewPrefill.ForAsync(db, entry.Id));
    }

    private static void AddSubmission(PortalDbContext db, Application application, FormDefinition definition, int sequence, Dictionary<string, string> answers)
    {
        var snapshot = new SubmissionSnapshot
        {
            ApplicationId = application.Id, ApplicationNumber = application.Number, Sequence = sequence, CampaignName = "测试", RoundYear = 2024,
            Organisation = "测试", SubmittedAt = DateTimeOffset.UtcNow, SubmittedBy = "test", Definition = definition,
            Answers = new SortedDictionary<string, string>(answers, StringComparer.Ordinal), Evidence = [],
        };
        var json = snapshot.ToCanonicalJson();
        db.Submissions.Add(new Submission
        {
            Id = Guid.NewGuid(), ApplicationId = application.Id, Sequence = sequence, SubmittedAt = DateTimeOffset.UtcNow,
            SubmittedById = Guid.NewGuid(), CanonicalJson = json, Sha256 = SubmissionSnapshot.HashOf(json),
        });
    }
}
