namespace SmeZones.Web.Pages.Admin.Users;

/// <summary>What a user's sessions depend on: a change to any of it ends them, and is audited on its own.</summary>
internal sealed record AccountAccess(int OrganisationId, bool IsActive, IReadOnlySet<string> Roles)
{
    public List<(string Action, object Details)> ChangesTo(AccountAccess after, bool passwordReset)
    {
        var changes = new List<(string, object)>();
        if (IsActive != after.IsActive)
        {
            changes.Add((after.IsActive ? "UserReactivated" : "UserDeactivated", new { after.IsActive }));
        }
        if (OrganisationId != after.OrganisationId)
        {
            changes.Add(("UserOrganisationChanged", new { Before = OrganisationId, After = after.OrganisationId }));
        }
        if (!Roles.SetEquals(after.Roles))
        {
            changes.Add(("UserRolesChanged", new { Before = Roles.Order(), After = after.Roles.Order() }));
        }
        if (passwordReset)
        {
            changes.Add(("UserPasswordReset", new { }));
        }
        return changes;
    }
}
