namespace SmeZones.Core.Audit;

/// <summary>
/// One entry of the append-only audit trail. The database refuses updates and deletes of this table, and on insert
/// sets the time, the id (in chain order) and the hashes that link each entry to the one before (ADR 0006).
/// </summary>
public class AuditEvent
{
    public long Id { get; set; }

    /// <summary>Set by the database when the row is written; whatever the client sends is replaced.</summary>
    public DateTimeOffset OccurredAt { get; private set; }

    public Guid? UserId { get; set; }
    public string? UserName { get; set; }
    public int? OrganisationId { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public string? Summary { get; set; }

    /// <summary>What changed, as JSON (jsonb).</summary>
    public string? Details { get; set; }

    /// <summary>The previous entry's <see cref="Hash"/>; null only for the first entry. Set by the database.</summary>
    public string? PreviousHash { get; private set; }

    /// <summary>SHA-256 (hex) of this entry's content and <see cref="PreviousHash"/>. Set by the database.</summary>
    public string? Hash { get; private set; }
}
