using Microsoft.AspNetCore.Identity;

namespace SmeZones.Core.Organisations;

/// <summary>An account. Every user belongs to exactly one organisation.</summary>
public class PortalUser : IdentityUser<Guid>
{
    public required string DisplayName { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
}
