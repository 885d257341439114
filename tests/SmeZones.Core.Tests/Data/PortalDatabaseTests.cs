using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Tests.Infrastructure;

namespace SmeZones.Core.Tests.Data;

/// <summary>How the portal connects (ADR 0088): statements are prepared and survive the connection's return to the pool.</summary>
[Collection(MigratedDatabaseCollection.Name)]
public class PortalDatabaseTests(MigratedDatabaseFixture fixture)
{
    [Fact]
    public async Task A_query_run_twice_is_prepared_and_stays_prepared_after_its_connection_goes_back_to_the_pool()
    {
        var probe = $"prepared-{Guid.NewGuid():N}";
        for (var i = 0; i < 3; i++)
        {
            // A context per round, as a request has: each rents a connection and returns it when disposed.
            await using var db = fixture.CreateContext();
            await db.Regions.AsNoTracking().Where(r => r.Code == probe).ToListAsync();
        }

        await using var check = fixture.CreateContext();
        var prepared = await check.Database
            .SqlQueryRaw<string>("SELECT statement AS \"Value\" FROM pg_prepared_statements")
            .ToListAsync();

        Assert.Contains(prepared, s => s.Contains("FROM \"Regions\"", StringComparison.Ordinal));
    }
}
