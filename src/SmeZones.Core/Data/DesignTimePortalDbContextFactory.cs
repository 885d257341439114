using Microsoft.EntityFrameworkCore.Design;

namespace SmeZones.Core.Data;

/// <summary>
/// How `dotnet ef` builds the context without the web host. `migrations add` never connects; `database update`
/// uses ConnectionStrings__Default (the owner's connection) when set.
/// </summary>
public sealed class DesignTimePortalDbContextFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args) =>
        PortalDatabase.Create(Environment.GetEnvironmentVariable("ConnectionStrings__Default") ?? "Host=localhost;Database=smezones");
}
