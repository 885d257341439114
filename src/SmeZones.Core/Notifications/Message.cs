namespace SmeZones.Core.Notifications;

/// <summary>
/// 站内消息: one message to one user, written in the same transaction as the hand-over it tells of. Addressed to a
/// user, or to the users of an organisation in a role, resolved when sent (<see cref="Recipients"/>).
/// </summary>
public class Message
{
    public const int MaxTitle = 200;
    public const int MaxBody = 2000;

    public Guid Id { get; set; }
    public Guid RecipientId { get; set; }

    /// <summary>The organisation the message was addressed to (null when addressed to the user personally).</summary>
    public int? OrganisationId { get; set; }

    /// <summary>One of <see cref="MessageKinds"/>' keys; stored as text so that a new kind needs no migration.</summary>
    public required string Kind { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }

    /// <summary>The Razor page the message concerns (e.g. "/Applications/Detail") and its route values.</summary>
    public string? LinkPage { get; set; }
    public Dictionary<string, string> LinkValues { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}

/// <summary>
/// An e-mail copy of a message, waiting to be sent by the outbox job after the hand-over committed. Sent at most once:
/// the drain takes a row under a lock, sends, and marks it sent in the same transaction (ADR 0043).
/// </summary>
public class MailOutboxItem
{
    public const int MaxError = 1000;

    public Guid Id { get; set; }
    public Guid MessageId { get; set; }
    public required string ToAddress { get; set; }
    public required string ToName { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Set when the mail will never be sent: too many failures, too old, or no mail server configured.</summary>
    public DateTimeOffset? AbandonedAt { get; set; }
    public string? LastError { get; set; }
}

/// <summary>Records that a unit was reminded of a stage deadline, so the reminder goes out once per unit per deadline.</summary>
public class DeadlineReminder
{
    public Guid Id { get; set; }
    public int CampaignId { get; set; }
    public int StageOrder { get; set; }
    public int OrganisationId { get; set; }

    /// <summary>The deadline reminded of: a later deadline (an extension) is reminded of again.</summary>
    public DateTimeOffset Deadline { get; set; }
    public DateTimeOffset SentAt { get; set; }
}
