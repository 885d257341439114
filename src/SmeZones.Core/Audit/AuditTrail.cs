using System.Text.Json;
using SmeZones.Core.Data;

namespace SmeZones.Core.Audit;

/// <summary>Adds audit events to the unit of work, so they commit or roll back with the change they describe.</summary>
public static class AuditTrail
{
    /// <remarks>No time is passed: the database records when the entry was written (ADR 0006).</remarks>
    public static AuditEvent Record(
        this PortalDbContext db, Actor actor, string action, string entityType, string entityId,
        string? summary = null, object? details = null)
    {
        var entry = new AuditEvent
        {
            UserId = actor.UserId,
            UserName = actor.UserName,
            OrganisationId = actor.OrganisationId,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Summary = summary,
            Details = details is null ? null : JsonSerializer.Serialize(details),
        };
        db.AuditEvents.Add(entry);
        return entry;
    }
}
