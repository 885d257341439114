using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Data;
using SmeZones.Core.Organisations;
using SmeZones.Core.Registry;

namespace SmeZones.Core.Notifications;

/// <summary>
/// The registry's hand-overs (变更 / 注销 requests, 撤销, 复核通过, 期满待复核). The holder is the applicant authority
/// holding the entry (an imported entry may have none); the province is the reviewing authority of the entry's
/// provincial unit, the one that does the 初审 and may see the entry (<see cref="RegistryAccess"/>).
/// </summary>
public static partial class Notifications
{
    /// <summary>A 变更 / 注销 request was filed: the province does the 初审.</summary>
    public static Task RegistryRequestFiledAsync(PortalDbContext db, RegistryEntry entry, RegistryRequest request, DateTimeOffset now, CancellationToken ct = default) =>
        SendAsync(db, MessageKinds.RegistryRequestFiled, Province(entry),
            $"{entry.Name}：{request.Kind.ToChinese()}申请待初审",
            $"“{entry.Name}”（{entry.CertificateNumber}）提出{request.Kind.ToChinese()}申请{(request.FiledLate ? "（逾期提出）" : "")}，请进行省级初审。",
            RequestPage(request), now, ct);

    /// <summary>The province forwarded a request: the ministry does the 审定.</summary>
    public static Task RegistryRequestForwardedAsync(PortalDbContext db, RegistryEntry entry, RegistryRequest request, DateTimeOffset now, CancellationToken ct = default) =>
        SendAsync(db, MessageKinds.RegistryRequestForwarded, Recipients.Authorities(OrganisationLevel.Ministry, null, Roles.Ministry),
            $"{entry.Name}：{request.Kind.ToChinese()}申请待审定",
            $"省级初审已同意“{entry.Name}”（{entry.CertificateNumber}）的{request.Kind.ToChinese()}申请并报部，请审定。",
            RequestPage(request), now, ct);

    /// <summary>
    /// A request was returned: by the province, the holder learns it; by the ministry, the province that forwarded it
    /// learns it too.
    /// </summary>
    public static async Task RegistryRequestReturnedAsync(PortalDbContext db, RegistryEntry entry, RegistryRequest request, bool byMinistry, DateTimeOffset now, CancellationToken ct = default)
    {
        var (by, comment) = byMinistry ? ("部级审定", request.MinistryComment) : ("省级初审", request.ProvinceComment);
        var title = $"{entry.Name}：{request.Kind.ToChinese()}申请被{by}退回";
        var body = $"“{entry.Name}”的{request.Kind.ToChinese()}申请被{by}退回。意见：{comment}";
        await ToHolderAsync(db, entry, MessageKinds.RegistryRequestReturned, title, body, RequestPage(request), now, ct);
        if (byMinistry)
        {
            await SendAsync(db, MessageKinds.RegistryRequestReturned, Province(entry), title, body, RequestPage(request), now, ct);
        }
    }

    /// <summary>The ministry approved a request: the holder and the province learn the registry changed (or the entry ended).</summary>
    public static async Task RegistryRequestApprovedAsync(PortalDbContext db, RegistryEntry entry, RegistryRequest request, DateTimeOffset now, CancellationToken ct = default)
    {
        var title = $"{entry.Name}：{request.Kind.ToChinese()}申请已审定通过";
        var body = request.Kind == RegistryRequestKind.Cancellation
            ? $"“{entry.Name}”（{entry.CertificateNumber}）的注销申请已审定通过，自{Dates.Format(request.ChangedOn)}起注销。"
            : $"“{entry.Name}”（{entry.CertificateNumber}）的{request.Kind.ToChinese()}申请已审定通过，名录自{Dates.Format(request.ChangedOn)}起变更为“{request.NewValue}”。";
        await ToHolderAsync(db, entry, MessageKinds.RegistryRequestApproved, title, body, RequestPage(request), now, ct);
        await SendAsync(db, MessageKinds.RegistryRequestApproved, Province(entry), title, body, RequestPage(request), now, ct);
    }

    /// <summary>A re-review round was published: the holder learns its re-review application is waiting, prefilled, and by when.</summary>
    public static Task ReReviewApplicationCreatedAsync(PortalDbContext db, RegistryEntry entry, Applications.Application application,
        Campaigns.Campaign campaign, DateTimeOffset now, CancellationToken ct = default) =>
        SendAsync(db, MessageKinds.ReReviewApplicationCreated, Recipients.Organisation(application.OrganisationId, Roles.Applicant),
            $"{entry.Name}：请填报复核申报 {application.Number}",
            $"“{entry.Name}”（{entry.CertificateNumber}）有效期已满，已列入复核批次“{campaign.Name}”。复核申报 {application.Number} 已按原申报的发展规划目标预填，请核对并于 {Campaigns.ChinaTime.Format(campaign.ClosesAt)} 前提交。",
            ApplicantPage(application), now, ct);

    /// <summary>撤销: the province and the holder learn the grounds and the effective date.</summary>
    public static async Task RegistryRevokedAsync(PortalDbContext db, RegistryEntry entry, string grounds, DateTimeOffset now, CancellationToken ct = default)
    {
        var title = $"{entry.Name}（{entry.CertificateNumber}）已被撤销";
        var body = $"“{entry.Name}”自{Dates.Format(entry.EndedOn!.Value)}起撤销。依据：{grounds}";
        await ToHolderAsync(db, entry, MessageKinds.RegistryRevoked, title, body, EntryPage(entry), now, ct);
        await SendAsync(db, MessageKinds.RegistryRevoked, Province(entry), title, body, EntryPage(entry), now, ct);
    }

    /// <summary>复核通过: the holder and the province learn the new end of validity.</summary>
    public static async Task RegistryReReviewPassedAsync(PortalDbContext db, RegistryEntry entry, DateTimeOffset now, CancellationToken ct = default)
    {
        var title = $"{entry.Name} 复核通过";
        var body = $"“{entry.Name}”（{entry.CertificateNumber}）复核通过，有效期延至{Dates.Format(entry.ValidUntil)}。";
        await ToHolderAsync(db, entry, MessageKinds.RegistryReReviewPassed, title, body, EntryPage(entry), now, ct);
        await SendAsync(db, MessageKinds.RegistryReReviewPassed, Province(entry), title, body, EntryPage(entry), now, ct);
    }

    /// <summary>
    /// 期满待复核: the holder prepares for re-review, and the organiser of the round it was certified in opens one. An
    /// imported entry has no round; the ministry, which re-reviews (第十条), is told instead.
    /// </summary>
    public static async Task RegistryExpiredAsync(PortalDbContext db, RegistryEntry entry, DateTimeOffset now, CancellationToken ct = default)
    {
        var title = $"{entry.Name} 有效期届满，待复核";
        var validity = $"“{entry.Name}”（{entry.CertificateNumber}）有效期至{Dates.Format(entry.ValidUntil)}，现已期满待复核";
        await ToHolderAsync(db, entry, MessageKinds.RegistryExpired, title, validity + "。请做好复核申报准备。", EntryPage(entry), now, ct);
        var organiser = await db.Campaigns.AsNoTracking().Where(c => c.Id == entry.CampaignId)
            .Select(c => new { c.OrganiserId, c.Organiser!.Level }).SingleOrDefaultAsync(ct);
        var recipients = organiser is null
            ? Recipients.Authorities(OrganisationLevel.Ministry, null, Roles.Ministry)
            : Recipients.Organisation(organiser.OrganiserId, organiser.Level == OrganisationLevel.Ministry ? Roles.Ministry : Roles.Reviewer);
        await SendAsync(db, MessageKinds.RegistryExpired, recipients, title, validity + "，请组织复核。", EntryPage(entry), now, ct);
    }

    private static Recipients Province(RegistryEntry entry) =>
        Recipients.Authorities(OrganisationLevel.ProvincialUnit, entry.ProvincialUnitCode, Roles.Reviewer);

    private static Task ToHolderAsync(PortalDbContext db, RegistryEntry entry, MessageKind kind, string title, string body,
        (string, Dictionary<string, string>) link, DateTimeOffset now, CancellationToken ct) =>
        entry.OrganisationId is { } holder
            ? SendAsync(db, kind, Recipients.Organisation(holder, Roles.Applicant), title, body, link, now, ct)
            : Task.CompletedTask;

    private static (string, Dictionary<string, string>) RequestPage(RegistryRequest request) =>
        ("/Registry/Request", new() { ["id"] = request.Id.ToString() });

    private static (string, Dictionary<string, string>) EntryPage(RegistryEntry entry) =>
        ("/Registry/Detail", new() { ["id"] = entry.Id.ToString() });
}
