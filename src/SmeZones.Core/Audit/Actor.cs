namespace SmeZones.Core.Audit;

/// <summary>Who is doing something, as the audit trail records it.</summary>
public sealed record Actor(Guid? UserId, string UserName, int? OrganisationId)
{
    public static readonly Actor System = new(null, "system", null);
}
