using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Data;

namespace SmeZones.Core.Audit;

/// <summary>
/// What the integrity check found: every submission snapshot, evidence file and submitted annual report read back
/// against its stored hash.
/// </summary>
public sealed record IntegrityReport(
    int Submissions, IReadOnlyList<Guid> AlteredSubmissions, int EvidenceFiles, IReadOnlyList<Guid> AlteredEvidence,
    int AnnualReports = 0, IReadOnlyList<long>? AlteredAnnualReports = null)
{
    public bool Intact => AlteredSubmissions.Count == 0 && AlteredEvidence.Count == 0 && (AlteredAnnualReports?.Count ?? 0) == 0;
}

/// <summary>
/// Recomputes the SHA-256 of every submitted snapshot, every evidence file and every submitted annual report. Run after a restore (ops/restore-drill.sh)
/// beside the audit chain's check: a backup that restores but has lost or changed a byte fails here.
/// </summary>
public static class StoredIntegrity
{
    public static async Task<IntegrityReport> VerifyAsync(PortalDbContext db, CancellationToken ct = default)
    {
        var submissions = 0;
        var alteredSubmissions = new List<Guid>();
        // Streamed one row at a time: a national database holds gigabytes of snapshots and files.
        await foreach (var submission in db.Submissions.AsNoTracking().OrderBy(s => s.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            submissions++;
            if (!SubmissionSnapshot.Verify(submission))
            {
                alteredSubmissions.Add(submission.Id);
            }
        }

        var files = 0;
        var alteredEvidence = new List<Guid>();
        var evidence = db.Evidence.AsNoTracking().OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.Sha256, Bytes = e.Content == null ? null : e.Content.Bytes });
        await foreach (var file in evidence.AsAsyncEnumerable().WithCancellation(ct))
        {
            files++;
            if (file.Bytes is null || Convert.ToHexStringLower(SHA256.HashData(file.Bytes)) != file.Sha256)
            {
                alteredEvidence.Add(file.Id);
            }
        }

        var reports = 0;
        var alteredReports = new List<long>();
        await foreach (var report in db.AnnualReportSubmissions.AsNoTracking().OrderBy(s => s.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            reports++;
            if (Registry.AnnualReportSnapshot.HashOf(report.CanonicalJson) != report.Sha256)
            {
                alteredReports.Add(report.Id);
            }
        }
        return new IntegrityReport(submissions, alteredSubmissions, files, alteredEvidence, reports, alteredReports);
    }
}
