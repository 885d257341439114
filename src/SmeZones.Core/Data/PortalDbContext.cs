using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.ExpertReview;
using SmeZones.Core.Notifications;
using SmeZones.Core.Organisations;
using SmeZones.Core.Publication;
using SmeZones.Core.Regions;
using SmeZones.Core.Registry;
using SmeZones.Core.Review;

namespace SmeZones.Core.Data;

public class PortalDbContext(DbContextOptions<PortalDbContext> options)
    : IdentityDbContext<PortalUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<ReviewStage> ReviewStages => Set<ReviewStage>();
    public DbSet<CampaignNotice> CampaignNotices => Set<CampaignNotice>();
    public DbSet<Application> Applications => Set<Application>();
    public DbSet<ApplicationNumberCounter> ApplicationNumberCounters => Set<ApplicationNumberCounter>();
    public DbSet<Evidence> Evidence => Set<Evidence>();
    public DbSet<EvidenceContent> EvidenceContents => Set<EvidenceContent>();
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<Review.SubmissionSummary> SubmissionSummaries => Set<Review.SubmissionSummary>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<PasswordHistoryEntry> PasswordHistory => Set<PasswordHistoryEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<ProvinceReferenceFigures> ProvinceReferenceFigures => Set<ProvinceReferenceFigures>();
    public DbSet<StageReview> StageReviews => Set<StageReview>();
    public DbSet<SiteCheck> SiteChecks => Set<SiteCheck>();
    public DbSet<SiteCheckAttachment> SiteCheckAttachments => Set<SiteCheckAttachment>();
    public DbSet<RevisionRequest> RevisionRequests => Set<RevisionRequest>();
    public DbSet<QuotaUsage> QuotaUsages => Set<QuotaUsage>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<PublicList> PublicLists => Set<PublicList>();
    public DbSet<ListEntry> ListEntries => Set<ListEntry>();
    public DbSet<Objection> Objections => Set<Objection>();
    public DbSet<ObjectionFile> ObjectionFiles => Set<ObjectionFile>();
    public DbSet<Certification> Certifications => Set<Certification>();
    public DbSet<ProgrammeListSettings> ProgrammeListSettings => Set<ProgrammeListSettings>();
    public DbSet<ExpertProfile> ExpertProfiles => Set<ExpertProfile>();
    public DbSet<ExpertReviewSettings> ExpertReviewSettings => Set<ExpertReviewSettings>();
    public DbSet<ExpertAssignment> ExpertAssignments => Set<ExpertAssignment>();
    public DbSet<ExpertDraw> ExpertDraws => Set<ExpertDraw>();
    public DbSet<RegistryEntry> RegistryEntries => Set<RegistryEntry>();
    public DbSet<RegistryChange> RegistryChanges => Set<RegistryChange>();
    public DbSet<RegistryRequest> RegistryRequests => Set<RegistryRequest>();
    public DbSet<AnnualReport> AnnualReports => Set<AnnualReport>();
    public DbSet<AnnualReportSubmission> AnnualReportSubmissions => Set<AnnualReportSubmission>();
    public DbSet<AnnualReportNotice> AnnualReportNotices => Set<AnnualReportNotice>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<MailOutboxItem> MailOutbox => Set<MailOutboxItem>();
    public DbSet<DeadlineReminder> DeadlineReminders => Set<DeadlineReminder>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        builder.HasDbFunction(typeof(AnswerSql).GetMethod(nameof(AnswerSql.Text))!).HasName("jsonb_extract_path_text").IsBuiltIn();
    }
}
