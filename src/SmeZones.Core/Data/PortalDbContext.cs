using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Organisations;
using SmeZones.Core.Regions;

namespace SmeZones.Core.Data;

public class PortalDbContext(DbContextOptions<PortalDbContext> options)
    : IdentityDbContext<PortalUser, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<ReviewStage> ReviewStages => Set<ReviewStage>();
    public DbSet<Application> Applications => Set<Application>();
    public DbSet<Evidence> Evidence => Set<Evidence>();
    public DbSet<EvidenceContent> EvidenceContents => Set<EvidenceContent>();
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }
}
