using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.ExpertReview;
using SmeZones.Core.Organisations;
using SmeZones.Core.Publication;
using SmeZones.Core.Review;

namespace SmeZones.Core.Notifications;

/// <summary>
/// The one place every hand-over tells people about itself: one method per kind of hand-over. Each adds the messages
/// (and their e-mail copies to the outbox) to the caller's unit of work, so they commit or roll back with the
/// hand-over; it never saves. Recipients are resolved now: the active users of the organisation concerned in the
/// role that acts next (ADR 0043).
/// </summary>
public static partial class Notifications
{
    /// <summary>退回修改: the applicant authority revises and resubmits.</summary>
    public static Task ReturnedForRevisionAsync(PortalDbContext db, Application application, ReviewStage stage, DateTimeOffset now, CancellationToken ct = default) =>
        SendAsync(db, MessageKinds.ReturnedForRevision, Recipients.Organisation(application.OrganisationId, Roles.Applicant),
            $"{application.Number} 被{stage.Name}退回修改",
            $"{stage.Name}已将申报“{Name(application)}”退回修改。请按修改意见修改后重新提交。",
            ApplicantPage(application), now, ct);

    /// <summary>
    /// 签发: the applicant learns the stage's conclusion (推荐 / 不予推荐), and, when it goes on, the next stage's
    /// reviewing authority learns it has an application to review.
    /// </summary>
    public static async Task SignedOffAsync(
        PortalDbContext db, Application application, ReviewStage stage, StageReview review, ReviewStage? next, DateTimeOffset now, CancellationToken ct = default)
    {
        var recommended = review.Decision == ReviewDecision.Recommend;
        var onward = next is null ? "" : $"，已报送{next.Name}";
        await SendAsync(db, recommended ? MessageKinds.Recommended : MessageKinds.NotRecommended,
            Recipients.Organisation(application.OrganisationId, Roles.Applicant),
            $"{application.Number}：{stage.Name}{ReviewDecisionWords.Of(review.Decision)}",
            recommended
                ? $"{stage.Name}已签发，对申报“{Name(application)}”的结论为推荐{onward}。"
                : $"{stage.Name}已签发，对申报“{Name(application)}”的结论为不予推荐。理由：{review.DecisionReason}",
            ApplicantPage(application), now, ct);
        if (next is not null)
        {
            var region = next.Level switch
            {
                OrganisationLevel.ProvincialUnit => application.ProvincialUnitCode,
                OrganisationLevel.Prefecture => application.PrefectureCode,
                OrganisationLevel.County => application.RegionCode,
                _ => null,
            };
            var role = next.Level == OrganisationLevel.Ministry ? Roles.Ministry : Roles.Reviewer;
            await SendAsync(db, MessageKinds.ForwardedToStage, Recipients.Authorities(next.Level, region, role),
                $"{application.Number} 待{next.Name}审核",
                $"{stage.Name}已签发并报送申报“{Name(application)}”，请在本级截止时间前完成审核。",
                ("/Review/Applications/Detail", new() { ["id"] = application.Id.ToString() }), now, ct);
        }
    }

    /// <summary>指派评审专家: the expert confirms there is no conflict, then scores.</summary>
    public static Task ExpertAssignedAsync(PortalDbContext db, ExpertAssignment assignment, Application application, DateTimeOffset now, CancellationToken ct = default) =>
        SendAsync(db, MessageKinds.ExpertAssigned, Recipients.User(assignment.ExpertId),
            assignment.IsReserve ? $"您被列为 {application.Number} 的候补评审专家" : $"新的评审任务：{application.Number}",
            assignment.IsReserve
                ? $"您被列为申报“{Name(application)}”的候补评审专家；如有专家回避，您将递补。"
                : $"请确认与申报“{Name(application)}”无利益冲突后评分；如有利益冲突请申请回避。",
            ("/Experts/Review", new() { ["id"] = assignment.Id.ToString() }), now, ct);

    /// <summary>公示 begins: every applicant authority on the list learns the period.</summary>
    public static async Task ListPublishedAsync(PortalDbContext db, PublicList list, DateTimeOffset now, CancellationToken ct = default)
    {
        var entries = await db.ListEntries.AsNoTracking().Where(e => e.CampaignId == list.CampaignId && e.Selected)
            .Join(db.Applications, e => e.ApplicationId, a => a.Id, (e, a) => new { e.Name, a.Id, a.Number, a.OrganisationId }).ToListAsync(ct);
        foreach (var e in entries)
        {
            await SendAsync(db, MessageKinds.ListPublished, Recipients.Organisation(e.OrganisationId, Roles.Applicant),
                $"{e.Number} 已列入建议名单并公示",
                $"“{e.Name}”已列入建议名单，公示期为{Announcement.Period(list)}。",
                ("/Applications/Detail", new() { ["id"] = e.Id.ToString() }), now, ct);
        }
    }

    /// <summary>An objection arrived during 公示: the round's organiser (部级) handles it.</summary>
    public static async Task ObjectionReceivedAsync(PortalDbContext db, Objection objection, DateTimeOffset now, CancellationToken ct = default)
    {
        var organiser = await db.Campaigns.AsNoTracking().Where(c => c.Id == objection.CampaignId).Select(c => c.OrganiserId).SingleAsync(ct);
        var entry = await db.ListEntries.AsNoTracking().Where(e => e.Id == objection.EntryId).Select(e => e.Name).SingleAsync(ct);
        await SendAsync(db, MessageKinds.ObjectionReceived, Recipients.Organisation(organiser, Roles.Ministry),
            $"收到异议 {objection.ReceiptNumber}",
            $"公示期间收到针对“{entry}”的异议，请受理、核查并作出结论。",
            ("/Ministry/List/Objections", new() { ["campaignId"] = objection.CampaignId.ToString(System.Globalization.CultureInfo.InvariantCulture) }), now, ct);
    }

    /// <summary>An objection concluded (成立 / 不成立): the applicant authority of the entry learns the conclusion.</summary>
    public static async Task ObjectionConcludedAsync(PortalDbContext db, Objection objection, DateTimeOffset now, CancellationToken ct = default)
    {
        var target = await db.ListEntries.AsNoTracking().Where(e => e.Id == objection.EntryId)
            .Join(db.Applications, e => e.ApplicationId, a => a.Id, (e, a) => new { e.Name, a.Id, a.Number, a.OrganisationId }).SingleAsync(ct);
        var upheld = objection.Status == ObjectionStatus.Upheld;
        await SendAsync(db, MessageKinds.ObjectionConcluded, Recipients.Organisation(target.OrganisationId, Roles.Applicant),
            $"{target.Number}：异议{objection.Status.ToChinese()}",
            $"针对“{target.Name}”的异议（{objection.ReceiptNumber}）经核查{objection.Status.ToChinese()}。理由：{objection.ConclusionReason}"
                + (upheld ? "。该条目已撤出名单。" : ""),
            ("/Applications/Detail", new() { ["id"] = target.Id.ToString() }), now, ct);
    }

    /// <summary>认定 or 不予认定 of one entry: the applicant authority learns the outcome (and certificate number).</summary>
    public static async Task CertificationDecidedAsync(PortalDbContext db, ListEntry entry, string? certificateNumber, DateTimeOffset now, CancellationToken ct = default)
    {
        var application = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == entry.ApplicationId, ct);
        var certified = entry.Outcome == ListOutcome.Certified;
        await SendAsync(db, certified ? MessageKinds.Certified : MessageKinds.NotCertified,
            Recipients.Organisation(application.OrganisationId, Roles.Applicant),
            certified ? $"{application.Number} 已予以认定" : $"{application.Number} 不予认定",
            certified ? $"“{entry.Name}”已予以认定，证书编号 {certificateNumber}。" : $"“{entry.Name}”不予认定。理由：{entry.OutcomeReason}",
            ApplicantPage(application), now, ct);
    }

    /// <summary>A reviewing authority has not signed off and its stage deadline is near.</summary>
    public static Task DeadlineNearAsync(PortalDbContext db, Campaign campaign, ReviewStage stage, Organisation unit, int waiting, DateTimeOffset now, CancellationToken ct = default) =>
        SendAsync(db, MessageKinds.DeadlineReminder, Recipients.Organisation(unit.Id, Roles.Reviewer),
            $"{campaign.Name}：{stage.Name}即将截止",
            $"本级审核截止时间为 {ChinaTime.Format(stage.Deadline!.Value)}，本单位尚有 {waiting} 件申报未签发。请在截止前完成审核并签发。",
            ("/Review/Index", []), now, ct);

    /// <summary>
    /// Adds one message per recipient, and its e-mail copy for recipients with an address. The building block for a new
    /// kind of message: a method above that chooses the recipients, text and page calls this.
    /// </summary>
    public static async Task SendAsync(
        PortalDbContext db, MessageKind kind, Recipients recipients, string title, string body,
        (string Page, Dictionary<string, string> Values)? link, DateTimeOffset now, CancellationToken ct = default)
    {
        title = Bound(title, Message.MaxTitle);
        body = Bound(body, Message.MaxBody);
        foreach (var recipient in await recipients.ResolveAsync(db, ct))
        {
            var message = new Message
            {
                Id = Guid.NewGuid(), RecipientId = recipient.UserId, OrganisationId = recipient.OrganisationId, Kind = kind.Key,
                Title = title, Body = body, LinkPage = link?.Page, LinkValues = link?.Values ?? [], CreatedAt = now,
            };
            db.Messages.Add(message);
            if (!string.IsNullOrWhiteSpace(recipient.Email))
            {
                db.MailOutbox.Add(new MailOutboxItem
                {
                    Id = Guid.NewGuid(), MessageId = message.Id, ToAddress = recipient.Email, ToName = recipient.Name,
                    Subject = title, Body = body, CreatedAt = now, NextAttemptAt = now,
                });
            }
        }
    }

    private static (string, Dictionary<string, string>) ApplicantPage(Application application) =>
        ("/Applications/Detail", new() { ["id"] = application.Id.ToString() });

    private static string Name(Application application) => string.IsNullOrWhiteSpace(application.Title) ? application.Number : application.Title;

    private static string Bound(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
