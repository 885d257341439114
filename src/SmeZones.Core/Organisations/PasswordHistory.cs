namespace SmeZones.Core.Organisations;

/// <summary>A password a user has had (its hash only), so a new password cannot repeat a recent one.</summary>
public class PasswordHistoryEntry
{
    public long Id { get; set; }
    public Guid UserId { get; set; }
    public required string PasswordHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
