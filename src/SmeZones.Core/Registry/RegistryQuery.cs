using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Campaigns;

namespace SmeZones.Core.Registry;

public sealed record RegistryFilter(Programme? Programme, string? ProvincialUnit, RegistryStatus? Status);

public sealed record RegistryPage(IReadOnlyList<RegistryEntry> Rows, int Total, int Page, int Pages);

/// <summary>The registry list: filtered and paged in SQL, ordered by certificate date then number.</summary>
public static class RegistryQuery
{
    public static IQueryable<RegistryEntry> Filter(this IQueryable<RegistryEntry> entries, RegistryFilter filter)
    {
        if (filter.Programme is { } programme)
        {
            entries = entries.Where(e => e.Programme == programme);
        }
        if (filter.ProvincialUnit is { } unit)
        {
            entries = entries.Where(e => e.ProvincialUnitCode == unit);
        }
        if (filter.Status is { } status)
        {
            entries = entries.Where(e => e.Status == status);
        }
        return entries.OrderByDescending(e => e.CertifiedOn).ThenBy(e => e.CertificateNumber);
    }

    /// <summary>The only statuses the public sees.</summary>
    public static IQueryable<RegistryEntry> Public(this IQueryable<RegistryEntry> entries) =>
        entries.Where(e => e.Status == RegistryStatus.Valid || e.Status == RegistryStatus.ReviewPassed);

    public static async Task<RegistryPage> PageAsync(IQueryable<RegistryEntry> filtered, int page, CancellationToken ct = default)
    {
        var total = await filtered.CountAsync(ct);
        var pages = Math.Max(1, (total + RegistryLimits.PageSize - 1) / RegistryLimits.PageSize);
        page = Math.Clamp(page, 1, pages);
        var rows = await filtered.AsNoTracking().Skip((page - 1) * RegistryLimits.PageSize).Take(RegistryLimits.PageSize).ToListAsync(ct);
        return new RegistryPage(rows, total, page, pages);
    }
}
