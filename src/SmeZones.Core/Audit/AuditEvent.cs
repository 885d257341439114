namespace SmeZones.Core.Audit;

/// <summary>One entry of the append-only audit trail. The database refuses updates and deletes of this table.</summary>
public class AuditEvent
{
    public long Id { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public Guid? UserId { get; set; }
    public string? UserName { get; set; }
    public int? OrganisationId { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public string? Summary { get; set; }

    /// <summary>What changed, as JSON (jsonb).</summary>
    public string? Details { get; set; }
}
