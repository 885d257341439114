using System.Diagnostics.CodeAnalysis;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using SmeZones.Core.Data;

namespace SmeZones.Core.Notifications;

/// <summary>The SMTP server the portal sends through (section <c>Mail</c>); without a host no mail is sent.</summary>
public sealed class MailSettings
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;

    /// <summary>None, StartTls, SslOnConnect or Auto (MailKit's <see cref="SecureSocketOptions"/>).</summary>
    public string Security { get; set; } = "Auto";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string? FromAddress { get; set; }
    public string FromName { get; set; } = "中小企业合作区与特色产业集群申报系统";
    public int TimeoutSeconds { get; set; } = 30;

    [MemberNotNullWhen(true, nameof(Host), nameof(FromAddress))]
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(FromAddress);
}

/// <summary>What one drain did.</summary>
public sealed record MailDrainResult(int Sent, int Failed, int Abandoned);

/// <summary>
/// Sends the e-mail copies of messages after their hand-over committed. Each due row is taken under a row lock
/// (FOR UPDATE SKIP LOCKED), sent, and marked sent in the same transaction, so two drains never take the same row;
/// a failure leaves the row for a later attempt with exponential backoff, and after <see cref="MaxAttempts"/> or
/// <see cref="MaxAge"/> it is abandoned (the in-app message remains). ADR 0043.
/// </summary>
public static class MailOutbox
{
    public const int MaxAttempts = 8;
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(3);

    /// <summary>1, 2, 4 … minutes after each failure, at most 4 hours.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(Math.Pow(2, Math.Max(0, attempts - 1)), 240));

    public static async Task<MailDrainResult> DrainAsync(
        PortalDbContext db, MailSettings settings, Func<Guid, string?> linkFor, DateTimeOffset now, int batch = 100, CancellationToken ct = default)
    {
        // Mail that can no longer be useful, or cannot be sent at all, leaves the queue.
        var staleBefore = now - MaxAge;
        var abandoned = await db.MailOutbox
            .Where(m => m.SentAt == null && m.AbandonedAt == null && (!settings.IsConfigured || m.CreatedAt < staleBefore))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.AbandonedAt, now)
                .SetProperty(m => m.LastError, settings.IsConfigured ? "超过有效期未能发送" : "未配置邮件服务器"), ct);
        if (!settings.IsConfigured)
        {
            return new MailDrainResult(0, 0, abandoned);
        }

        int sent = 0, failed = 0;
        using var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        for (var i = 0; i < batch; i++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var item = (await db.MailOutbox.FromSql($"""
                SELECT * FROM "MailOutbox"
                WHERE "SentAt" IS NULL AND "AbandonedAt" IS NULL AND "NextAttemptAt" <= {now}
                ORDER BY "NextAttemptAt" LIMIT 1 FOR UPDATE SKIP LOCKED
                """).ToListAsync(ct)).SingleOrDefault();
            if (item is null)
            {
                break;
            }
            item.Attempts++;
            try
            {
                if (!client.IsConnected)
                {
                    await client.ConnectAsync(settings.Host, settings.Port, Enum.Parse<SecureSocketOptions>(settings.Security, ignoreCase: true), ct);
                    if (!string.IsNullOrEmpty(settings.UserName))
                    {
                        await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
                    }
                }
                await client.SendAsync(Compose(item, settings, settings.FromAddress, linkFor(item.MessageId)), ct);
                item.SentAt = now;
                item.LastError = null;
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                item.LastError = Bound($"{e.GetType().Name}: {e.Message}");
                item.NextAttemptAt = now + Backoff(item.Attempts);
                if (item.Attempts >= MaxAttempts)
                {
                    item.AbandonedAt = now;
                    abandoned++;
                }
                failed++;
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            if (item.SentAt is null)
            {
                // The server is failing: leave the rest of the queue for the next run rather than spend their attempts.
                break;
            }
        }
        if (client.IsConnected)
        {
            await client.DisconnectAsync(quit: true, ct);
        }
        return new MailDrainResult(sent, failed, abandoned);
    }

    private static MimeMessage Compose(MailOutboxItem item, MailSettings settings, string from, string? link)
    {
        var message = new MimeMessage
        {
            // Stable per outbox row: a receiving server that sees it twice can tell it is the same mail.
            MessageId = $"{item.Id:N}@smezones.portal",
            Subject = item.Subject,
            Body = new TextPart("plain")
            {
                Text = item.Body + (link is null ? "" : $"\n\n在系统中查看：{link}") + "\n\n（本邮件由系统自动发送，请勿回复。）",
            },
        };
        message.From.Add(new MailboxAddress(settings.FromName, from));
        message.To.Add(new MailboxAddress(item.ToName, item.ToAddress));
        return message;
    }

    private static string Bound(string text) => text.Length <= MailOutboxItem.MaxError ? text : text[..MailOutboxItem.MaxError];
}
