namespace SmeZones.Core.Organisations;

/// <summary>Who is looking: what decides which records a user may reach. Built from the signed-in user's claims.</summary>
public sealed record Viewer(Guid UserId, int OrganisationId, OrganisationLevel OrganisationLevel, string? RegionCode, IReadOnlySet<string> Roles)
{
    public bool IsIn(string role) => Roles.Contains(role);
}
