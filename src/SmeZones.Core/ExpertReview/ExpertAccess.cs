using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Assessment;
using SmeZones.Core.Data;
using SmeZones.Core.Forms;
using SmeZones.Core.Organisations;
using AssessmentResult = SmeZones.Core.Assessment.Assessment;

namespace SmeZones.Core.ExpertReview;

/// <summary>The application as an expert reads it: the latest submission, never the live draft, with its assessment.</summary>
public sealed record ExpertCase(ExpertAssignment Assignment, Application Application, Submission? Submission, SubmissionSnapshot? Snapshot, AssessmentResult? Assessment)
{
    public FormAnswers Answers => new(Snapshot?.Answers ?? []);
}

/// <summary>
/// What an expert reaches: only their own assignments as members (a reserve waits unseen, a recused or removed
/// expert loses sight), and the application's content only after confirming there is no conflict.
/// </summary>
public static class ExpertAccess
{
    /// <summary>The viewer's assignments (members only) with their applications, newest first.</summary>
    public static async Task<IReadOnlyList<(ExpertAssignment Assignment, Application Application)>> AssignmentsOfAsync(PortalDbContext db, Viewer viewer, CancellationToken ct = default)
    {
        if (!viewer.IsIn(Roles.Expert))
        {
            return [];
        }
        var rows = await (from a in db.ExpertAssignments.AsNoTracking()
                          join app in db.Applications.AsNoTracking().Include(x => x.Campaign) on a.ApplicationId equals app.Id
                          where a.ExpertId == viewer.UserId && !a.IsReserve && (a.Status == AssignmentStatus.Pending || a.Status == AssignmentStatus.Confirmed)
                          orderby a.AssignedAt descending
                          select new { a, app }).ToListAsync(ct);
        return rows.Select(r => (r.a, r.app)).ToList();
    }

    /// <summary>The viewer's live assignment (tracked), or null: someone else's id, a reserve or a recusal is not found.</summary>
    public static Task<ExpertAssignment?> FindAsync(PortalDbContext db, Viewer viewer, Guid assignmentId, CancellationToken ct = default) =>
        viewer.IsIn(Roles.Expert)
            ? db.ExpertAssignments.SingleOrDefaultAsync(a => a.Id == assignmentId && a.ExpertId == viewer.UserId && !a.IsReserve
                && (a.Status == AssignmentStatus.Pending || a.Status == AssignmentStatus.Confirmed), ct)
            : Task.FromResult<ExpertAssignment?>(null);

    /// <summary>The application behind an assignment with its latest submission and assessment.</summary>
    public static async Task<ExpertCase> LoadCaseAsync(PortalDbContext db, ExpertAssignment assignment, CancellationToken ct = default)
    {
        var application = await db.Applications.AsNoTracking().Include(a => a.Campaign).ThenInclude(c => c!.Stages).Include(a => a.Organisation)
            .SingleAsync(a => a.Id == assignment.ApplicationId, ct);
        var submission = await db.Submissions.AsNoTracking().Where(s => s.ApplicationId == application.Id)
            .OrderByDescending(s => s.Sequence).FirstOrDefaultAsync(ct);
        var snapshot = submission is null ? null : SubmissionSnapshot.Parse(submission.CanonicalJson);
        AssessmentResult? assessment = null;
        if (snapshot is not null)
        {
            var settings = await ApplicationAssessment.SettingsForAsync(db, application, ct);
            assessment = ApplicationAssessment.TryAssess(application.Campaign!, snapshot.Definition, new FormAnswers(snapshot.Answers), settings);
        }
        return new ExpertCase(assignment, application, submission, snapshot, assessment);
    }
}
