using SmeZones.Core.Organisations;

namespace SmeZones.Web.Infrastructure;

/// <summary>Authorization by role; which records a role reaches is decided by ApplicationAccess.</summary>
public static class Policies
{
    public const string SignedIn = nameof(SignedIn);
    public const string Admin = nameof(Admin);
    public const string Applicant = nameof(Applicant);
    public const string Review = nameof(Review);
    public const string Expert = nameof(Expert);

    /// <summary>部级 only: the national overview, expert review, lists, summaries and dossiers (Pages/Ministry).</summary>
    public const string Ministry = nameof(Ministry);

    /// <summary>Who organises rounds (Pages/Rounds): 系统管理员, 部级, and provincial authorities; which rounds is RoundAccess's.</summary>
    public const string Organiser = nameof(Organiser);

    /// <summary>The registry (Pages/Registry): applicant and reviewing authorities, 部级, 系统管理员; which entries is RegistryAccess's.</summary>
    public const string Registry = nameof(Registry);

    /// <summary>Import of entries certified before the portal (Pages/Registry/Import): 部级 and 系统管理员.</summary>
    public const string RegistryImport = nameof(RegistryImport);

    public static void AddPortalAuthorization(this IServiceCollection services) =>
        services.AddAuthorizationBuilder()
            .AddPolicy(SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Applicant, p => p.RequireRole(Roles.Applicant))
            // Experts work in /Experts on their assignments only, never in the reviewing authorities' workspace.
            .AddPolicy(Review, p => p.RequireRole(Roles.Reviewer, Roles.Ministry))
            .AddPolicy(Ministry, p => p.RequireRole(Roles.Ministry))
            .AddPolicy(Expert, p => p.RequireRole(Roles.Expert))
            .AddPolicy(Registry, p => p.RequireRole(Roles.Applicant, Roles.Reviewer, Roles.Ministry, Roles.Admin))
            .AddPolicy(RegistryImport, p => p.RequireRole(Roles.Ministry, Roles.Admin))
            .AddPolicy(Organiser, p => p.RequireAssertion(c => c.User.IsInRole(Roles.Admin) || c.User.IsInRole(Roles.Ministry)
                || (c.User.IsInRole(Roles.Reviewer)
                    && c.User.FindFirst(PortalClaimTypes.OrganisationLevel)?.Value == ((int)OrganisationLevel.ProvincialUnit).ToString(System.Globalization.CultureInfo.InvariantCulture))));
}
