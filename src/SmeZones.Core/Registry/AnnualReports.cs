using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Audit;
using SmeZones.Core.Data;
using SmeZones.Core.Forms;
using SmeZones.Core.Publication;

namespace SmeZones.Core.Registry;

/// <summary>
/// The 年度发展报告's workflow: the holder starts (prefilled from the entry and its original plan), saves and submits
/// (an immutable snapshot each time); the province returns it with a comment or forwards it; the ministry accepts it or
/// returns it. Every step is audited, told to the next hand, and refused from any other state or on a stale version.
/// </summary>
public static class AnnualReports
{
    public const string Conflict = "该报告刚被他人修改或处理过，请刷新页面后再操作。";

    /// <summary>Opens the report of a year the entry owes; it is prefilled, never submitted by this.</summary>
    public static async Task<(AnnualReport? Report, IReadOnlyList<OperationError> Errors)> StartAsync(
        PortalDbContext db, RegistryEntry entry, int year, Actor actor, DateTimeOffset now, CancellationToken ct = default)
    {
        var today = Dates.Today(now);
        if (year >= today.Year || !AnnualReportDue.YearsOwed(entry, new DateOnly(year + 1, 12, 31)).Any(y => y.Year == year)
            || FormEditionCatalogue.Default.AnnualReportFor(entry.Programme) is not { } form)
        {
            return (null, [OperationError.ForRequest($"{year} 年度的发展报告不在本条目应报送的范围内。")]);
        }
        var report = new AnnualReport
        {
            Id = Guid.NewGuid(), EntryId = entry.Id, Year = year, FormEditionKey = form.Key, Status = AnnualReportStatus.Draft,
            Answers = await PrefillAsync(db, entry, form, ct), CreatedAt = now, UpdatedAt = now,
        };
        db.AnnualReports.Add(report);
        db.Record(actor, "AnnualReportStarted", nameof(AnnualReport), report.Id.ToString(), $"{entry.Name}：开始填报 {year} 年度发展报告", new { entry = entry.Id, year });
        var errors = await RegistryLifecycle.SaveAsync(db, ct);
        // The unique (entry, year) index: someone else started it first; theirs is the one.
        return errors.Count > 0 ? (null, [OperationError.ForRequest("该年度报告已由他人开始填报，请刷新页面。")]) : (report, []);
    }

    /// <summary>The entry's name and operator, and the original plan's targets where the application was filed in the portal.</summary>
    public static async Task<Dictionary<string, string>> PrefillAsync(PortalDbContext db, RegistryEntry entry, FormDefinition form, CancellationToken ct = default)
    {
        var answers = new Dictionary<string, string>();
        var slots = FormAnswerKeys.For(form, form.RoundYear).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        void Put(string key, string? value)
        {
            if (slots.Contains(key) && !string.IsNullOrWhiteSpace(value))
            {
                answers[key] = value;
            }
        }
        Put("cover.name", entry.Name);
        Put("cover.operator", entry.OperatorName);
        var table = AnnualReportProgress.Table(form);
        if (table is not null && await ReReviewPrefill.ForAsync(db, entry.Id, ct) is { } start)
        {
            foreach (var target in start.Targets)
            {
                Put($"{table.Key}.{target.RowKey}.indicator", target.RowKey.Contains("Extra", StringComparison.Ordinal) ? target.Indicator : null);
                Put($"{table.Key}.{target.RowKey}.{ReReviewPrefill.BaselineColumn}", target.Baseline);
                Put($"{table.Key}.{target.RowKey}.{ReReviewPrefill.TargetColumn}", target.Target);
            }
        }
        return answers;
    }

    /// <summary>Saves what the holder posted (the whole form), keeping every valid answer; refused ones keep their last value.</summary>
    public static async Task<(SectionSaveResult? Result, IReadOnlyList<OperationError> Errors)> SaveAsync(PortalDbContext db, AnnualReport report, uint version,
        IReadOnlyDictionary<string, string?> posted, Actor actor, DateTimeOffset now, CancellationToken ct = default)
    {
        if (!report.IsEditableByHolder)
        {
            return (null, [OperationError.ForRequest("该报告已提交，当前不能修改。")]);
        }
        var form = FormEditionCatalogue.Default.Get(report.FormEditionKey);
        var (answers, changes, errors) = SectionSave.Merge(report.Answers, form, report.Year + 1, null, posted);
        if (changes.Count > 0)
        {
            db.Entry(report).Property(r => r.Version).OriginalValue = version;
            report.Answers = answers;
            report.UpdatedAt = now;
            db.Record(actor, "AnnualReportSaved", nameof(AnnualReport), report.Id.ToString(), $"保存 {report.Year} 年度发展报告：{changes.Count} 项", changes);
            if ((await SaveOrConflictAsync(db, ct)).Count > 0)
            {
                return (null, [OperationError.ForRequest(Conflict)]);
            }
        }
        return (new SectionSaveResult(changes.Keys.ToList(), errors), []);
    }

    /// <summary>Attaches (or replaces) the report's 佐证材料, checked by content like application evidence (ADR 0010).</summary>
    public static async Task<IReadOnlyList<OperationError>> AttachEvidenceAsync(PortalDbContext db, AnnualReport report, uint version, UploadedFile? file,
        Actor actor, DateTimeOffset now, CancellationToken ct = default)
    {
        if (!report.IsEditableByHolder)
        {
            return [OperationError.ForRequest("该报告已提交，当前不能修改。")];
        }
        var (checkedFile, error) = RegistryRequests.CheckEvidence(file, required: true);
        if (error is not null)
        {
            return [new OperationError("evidence", error.Replace("（如变更批复文件）", "", StringComparison.Ordinal))];
        }
        db.Entry(report).Property(r => r.Version).OriginalValue = version;
        report.EvidenceFileName = checkedFile!.Name;
        report.EvidenceContentType = checkedFile.ContentType;
        report.EvidenceBytes = checkedFile.Bytes;
        report.EvidenceSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(checkedFile.Bytes));
        report.UpdatedAt = now;
        db.Record(actor, "AnnualReportEvidence", nameof(AnnualReport), report.Id.ToString(), $"上传佐证材料 {report.EvidenceFileName}", new { report.EvidenceSha256 });
        return await SaveOrConflictAsync(db, ct);
    }

    /// <summary>Submits: the whole form must be complete; the snapshot is stored and hashed; the province is told.</summary>
    public static async Task<IReadOnlyList<OperationError>> SubmitAsync(PortalDbContext db, Guid reportId, uint version, Actor actor, DateTimeOffset now, CancellationToken ct = default)
    {
        var report = await db.AnnualReports.SingleOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null || !report.IsEditableByHolder)
        {
            return [OperationError.ForRequest(Conflict)];
        }
        var form = FormEditionCatalogue.Default.Get(report.FormEditionKey);
        var invalid = FormValidation.Validate(form, report.Year + 1, new FormAnswers(report.Answers), ValidationMode.Submit).Errors;
        if (invalid.Count > 0)
        {
            return [OperationError.ForRequest($"报告还有 {invalid.Count} 处未填写完整或有误，请修改后再提交。"), .. invalid];
        }
        if (report.EvidenceBytes is null)
        {
            return [new OperationError("evidence", "请先上传佐证材料（PDF、JPG、PNG 或 OFD）。")];
        }
        var entry = await db.RegistryEntries.AsNoTracking().SingleAsync(e => e.Id == report.EntryId, ct);
        db.Entry(report).Property(r => r.Version).OriginalValue = version;
        report.Submissions++;
        report.SubmittedAt = now;
        if (report.FirstSubmittedAt is null)
        {
            report.FirstSubmittedAt = now;
            report.SubmittedLate = AnnualReportDue.IsLate(AnnualReportDue.Deadline(form, report.Year), now);
        }
        report.Status = AnnualReportStatus.WithProvince;
        var snapshot = new AnnualReportSnapshot
        {
            ReportId = report.Id, CertificateNumber = entry.CertificateNumber, EntryName = entry.Name, Year = report.Year,
            Sequence = report.Submissions, SubmittedAt = now, SubmittedBy = actor.UserName, Definition = form,
            Answers = new SortedDictionary<string, string>(report.Answers, StringComparer.Ordinal),
            EvidenceFileName = report.EvidenceFileName, EvidenceSha256 = report.EvidenceSha256,
        };
        var json = snapshot.ToCanonicalJson();
        db.AnnualReportSubmissions.Add(new AnnualReportSubmission
        {
            ReportId = report.Id, Sequence = report.Submissions, SubmittedAt = now, SubmittedById = actor.UserId,
            CanonicalJson = json, Sha256 = AnnualReportSnapshot.HashOf(json),
        });
        db.Record(actor, "AnnualReportSubmitted", nameof(AnnualReport), report.Id.ToString(),
            $"{entry.Name}：提交 {report.Year} 年度发展报告（第 {report.Submissions} 次）{(report.SubmittedLate ? "，逾期" : "")}", new { sequence = report.Submissions, report.SubmittedLate });
        await Notifications.Notifications.AnnualReportSubmittedAsync(db, entry, report, now, ct);
        return await SaveOrConflictAsync(db, ct);
    }

    /// <summary>省级审核: forward to the ministry, or return to the holder with a comment.</summary>
    public static Task<IReadOnlyList<OperationError>> ProvinceReviewAsync(PortalDbContext db, Guid reportId, uint version, bool forward, string? comment,
        Actor actor, DateTimeOffset now, CancellationToken ct = default) =>
        StepAsync(db, reportId, version, AnnualReportStatus.WithProvince, forward, comment, actor, now, ct);

    /// <summary>部级审核: accept, or return to the holder with a comment.</summary>
    public static Task<IReadOnlyList<OperationError>> MinistryDecideAsync(PortalDbContext db, Guid reportId, uint version, bool accept, string? comment,
        Actor actor, DateTimeOffset now, CancellationToken ct = default) =>
        StepAsync(db, reportId, version, AnnualReportStatus.WithMinistry, accept, comment, actor, now, ct);

    private static async Task<IReadOnlyList<OperationError>> StepAsync(PortalDbContext db, Guid reportId, uint version, AnnualReportStatus expected,
        bool passes, string? comment, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var report = await db.AnnualReports.SingleOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null || report.Status != expected)
        {
            return [OperationError.ForRequest(Conflict)];
        }
        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (!passes && text is null)
        {
            return [new OperationError("comment", "退回时请填写意见。")];
        }
        if (text is { Length: > RegistryLimits.Comment })
        {
            return [new OperationError("comment", $"意见不能超过 {RegistryLimits.Comment} 字。")];
        }
        db.Entry(report).Property(r => r.Version).OriginalValue = version;
        var byMinistry = expected == AnnualReportStatus.WithMinistry;
        if (byMinistry)
        {
            report.MinistryComment = text;
        }
        else
        {
            report.ProvinceComment = text;
        }
        report.Status = (passes, byMinistry) switch
        {
            (false, _) => AnnualReportStatus.Returned,
            (true, false) => AnnualReportStatus.WithMinistry,
            (true, true) => AnnualReportStatus.Accepted,
        };
        if (report.Status == AnnualReportStatus.WithMinistry)
        {
            report.ForwardedAt = now;
        }
        if (report.Status == AnnualReportStatus.Accepted)
        {
            report.AcceptedAt = now;
        }
        var entry = await db.RegistryEntries.AsNoTracking().SingleAsync(e => e.Id == report.EntryId, ct);
        var action = report.Status switch
        {
            AnnualReportStatus.WithMinistry => "AnnualReportForwarded",
            AnnualReportStatus.Accepted => "AnnualReportAccepted",
            _ => byMinistry ? "AnnualReportReturnedByMinistry" : "AnnualReportReturnedByProvince",
        };
        db.Record(actor, action, nameof(AnnualReport), report.Id.ToString(), $"{entry.Name} {report.Year} 年度发展报告：{report.Status.ToChinese()}", new { comment = text });
        await (report.Status switch
        {
            AnnualReportStatus.WithMinistry => Notifications.Notifications.AnnualReportForwardedAsync(db, entry, report, now, ct),
            AnnualReportStatus.Accepted => Notifications.Notifications.AnnualReportAcceptedAsync(db, entry, report, now, ct),
            _ => Notifications.Notifications.AnnualReportReturnedAsync(db, entry, report, byMinistry, now, ct),
        });
        return await SaveOrConflictAsync(db, ct);
    }

    /// <summary>The latest submitted snapshot, or null when never submitted.</summary>
    public static async Task<(AnnualReportSnapshot Snapshot, string Sha256)?> LatestSnapshotAsync(PortalDbContext db, Guid reportId, CancellationToken ct = default)
    {
        var latest = await db.AnnualReportSubmissions.AsNoTracking().Where(s => s.ReportId == reportId)
            .OrderByDescending(s => s.Sequence).FirstOrDefaultAsync(ct);
        return latest is null ? null : (AnnualReportSnapshot.Parse(latest.CanonicalJson), latest.Sha256);
    }

    private static async Task<IReadOnlyList<OperationError>> SaveOrConflictAsync(PortalDbContext db, CancellationToken ct)
    {
        var errors = await RegistryLifecycle.SaveAsync(db, ct);
        return errors.Count > 0 ? [OperationError.ForRequest(Conflict)] : [];
    }
}
