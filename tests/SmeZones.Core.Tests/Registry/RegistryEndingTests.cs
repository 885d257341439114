using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Registry;
using SmeZones.Core.Tests.Infrastructure;

namespace SmeZones.Core.Tests.Registry;

/// <summary>撤销 and 注销 take effect on their effective date (北京时间), moved by the daily registry job (ADR 0066).</summary>
public class RegistryEndingTests(MigratedDatabaseFixture fixture) : IClassFixture<MigratedDatabaseFixture>
{
    private static readonly Actor Officer = new(null, "officer.test", null);

    private async Task<RegistryEntry> ReadAsync(Guid id)
    {
        await using var db = fixture.CreateContext();
        return await db.RegistryEntries.AsNoTracking().SingleAsync(e => e.Id == id);
    }

    /// <summary>Files a 注销 for the date, forwards it and approves it, all at <paramref name="at"/>.</summary>
    private async Task ApproveCancellationAsync(RegistryEntry entry, DateOnly effectiveOn, DateTimeOffset at)
    {
        await using var db = fixture.CreateContext();
        var (request, errors) = await RegistryRequests.FileAsync(db, entry, new RegistryRequestInput(RegistryRequestKind.Cancellation, null, effectiveOn, "集群整体搬迁，申请注销。", null), Officer, at);
        Assert.Empty(errors);
        await using var province = fixture.CreateContext();
        var version = await province.RegistryRequests.Where(r => r.Id == request!.Id).Select(r => r.Version).SingleAsync();
        Assert.Empty(await RegistryRequests.ProvinceReviewAsync(province, request!.Id, version, forward: true, null, Officer, at));
        await using var ministry = fixture.CreateContext();
        version = await ministry.RegistryRequests.Where(r => r.Id == request.Id).Select(r => r.Version).SingleAsync();
        var entryVersion = await ministry.RegistryEntries.Where(e => e.Id == entry.Id).Select(e => e.Version).SingleAsync();
        Assert.Empty(await RegistryRequests.MinistryDecideAsync(ministry, request.Id, version, entryVersion, approve: true, null, Officer, at));
    }

    [Fact]
    public async Task An_approved_cancellation_dated_ahead_leaves_the_entry_valid_until_its_date_in_beijing_time_then_the_job_cancels_it()
    {
        await using var setup = fixture.CreateContext();
        var entry = await RegistryTests.SaveEntryAsync(setup, new DateOnly(2024, 6, 30), new DateOnly(2028, 12, 31));
        var effectiveOn = new DateOnly(2027, 1, 1);

        await ApproveCancellationAsync(entry, effectiveOn, ChinaTime.At(2026, 12, 10));

        var approved = await ReadAsync(entry.Id);
        Assert.Equal((RegistryStatus.Valid, RegistryStatus.Cancelled, effectiveOn), (approved.Status, approved.EndingStatus, approved.EndedOn));
        Assert.True(approved.IsPublic);

        // 2026-12-31 23:59 北京时间 is 15:59 UTC: still the day before.
        await RegistryLifecycle.ApplyEndingsAsync(fixture.CreateContext(), ChinaTime.At(2026, 12, 31, 23, 59));
        Assert.Equal(RegistryStatus.Valid, (await ReadAsync(entry.Id)).Status);

        // 2027-01-01 00:00 北京时间 is still 2026-12-31 in UTC: the Beijing date decides.
        var midnight = ChinaTime.At(2027, 1, 1, 0, 0);
        Assert.Equal(12, midnight.UtcDateTime.Month);
        await RegistryLifecycle.ApplyEndingsAsync(fixture.CreateContext(), midnight);
        var cancelled = await ReadAsync(entry.Id);
        Assert.Equal((RegistryStatus.Cancelled, (RegistryStatus?)null), (cancelled.Status, cancelled.EndingStatus));
        await using var check = fixture.CreateContext();
        var history = await check.RegistryChanges.Where(c => c.EntryId == entry.Id && c.Field == RegistryFields.Status).ToListAsync();
        var line = Assert.Single(history);
        Assert.Equal(("有效", "已注销", effectiveOn), (line.OldValue, line.NewValue, line.EffectiveOn));

        // Run again: nothing more moves.
        Assert.Equal(0, await RegistryLifecycle.ApplyEndingsAsync(fixture.CreateContext(), midnight.AddHours(1)));
    }

    [Fact]
    public async Task A_cancellation_dated_today_or_earlier_takes_effect_at_approval()
    {
        await using var setup = fixture.CreateContext();
        var entry = await RegistryTests.SaveEntryAsync(setup, new DateOnly(2024, 6, 30), new DateOnly(2028, 12, 31));

        await ApproveCancellationAsync(entry, new DateOnly(2026, 12, 10), ChinaTime.At(2026, 12, 10, 9, 0));

        var after = await ReadAsync(entry.Id);
        Assert.Equal((RegistryStatus.Cancelled, (RegistryStatus?)null), (after.Status, after.EndingStatus));
    }

    [Fact]
    public async Task A_pending_cancellation_refuses_new_requests_and_a_revocation_dated_ahead_also_waits_for_its_date()
    {
        await using var setup = fixture.CreateContext();
        var entry = await RegistryTests.SaveEntryAsync(setup, new DateOnly(2024, 6, 30), new DateOnly(2028, 12, 31));
        await ApproveCancellationAsync(entry, new DateOnly(2027, 3, 1), ChinaTime.At(2027, 1, 5));

        await using (var db = fixture.CreateContext())
        {
            var pending = await db.RegistryEntries.SingleAsync(e => e.Id == entry.Id);
            var (_, errors) = await RegistryRequests.FileAsync(db, pending,
                new RegistryRequestInput(RegistryRequestKind.Cancellation, null, new DateOnly(2027, 2, 1), "提前注销。", null), Officer, ChinaTime.At(2027, 1, 6));
            Assert.Contains(errors, e => e.Message.Contains("2027年3月1日起生效", StringComparison.Ordinal));
        }

        await using (var ministry = fixture.CreateContext())
        {
            var version = await ministry.RegistryEntries.Where(e => e.Id == entry.Id).Select(e => e.Version).SingleAsync();
            Assert.Empty(await RegistryLifecycle.RevokeAsync(ministry, entry.Id, version, [6], "重大违法违规。", new DateOnly(2027, 2, 1), Officer, ChinaTime.At(2027, 1, 10)));
        }
        var revoking = await ReadAsync(entry.Id);
        Assert.Equal((RegistryStatus.Valid, RegistryStatus.Revoked, new DateOnly(2027, 2, 1)), (revoking.Status, revoking.EndingStatus, revoking.EndedOn));

        await RegistryLifecycle.ApplyEndingsAsync(fixture.CreateContext(), ChinaTime.At(2027, 2, 1, 0, 5));
        Assert.Equal(RegistryStatus.Revoked, (await ReadAsync(entry.Id)).Status);
    }
}
