using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmeZones.Core.Audit;
using SmeZones.Core.Data;
using SmeZones.Core.Organisations;

namespace SmeZones.Web.Infrastructure;

/// <summary>Puts the user's organisation into the sign-in cookie, so access checks need no extra query.</summary>
public sealed class PortalClaimsFactory(
    UserManager<PortalUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options, PortalDbContext db)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == user.OrganisationId);
        identity.AddClaim(new Claim(PortalClaimTypes.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(PortalClaimTypes.OrganisationId, organisation.Id.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(PortalClaimTypes.OrganisationName, organisation.Name));
        identity.AddClaim(new Claim(PortalClaimTypes.OrganisationLevel, ((int)organisation.Level).ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(PortalClaimTypes.RegionCode, organisation.RegionCode ?? ""));
        return identity;
    }
}

public static class PortalClaimTypes
{
    public const string DisplayName = "smezones:display_name";
    public const string OrganisationId = "smezones:org_id";
    public const string OrganisationName = "smezones:org_name";
    public const string OrganisationLevel = "smezones:org_level";
    public const string RegionCode = "smezones:region";
}

/// <summary>Reads the signed-in user from the cookie's claims.</summary>
public static class CurrentUser
{
    public static Viewer ToViewer(this ClaimsPrincipal user) => new(
        Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!),
        int.Parse(user.FindFirstValue(PortalClaimTypes.OrganisationId)!, CultureInfo.InvariantCulture),
        (OrganisationLevel)int.Parse(user.FindFirstValue(PortalClaimTypes.OrganisationLevel)!, CultureInfo.InvariantCulture),
        NullIfEmpty(user.FindFirstValue(PortalClaimTypes.RegionCode)),
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet());

    public static Actor ToActor(this ClaimsPrincipal user) => new(
        Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!),
        user.Identity!.Name!,
        int.Parse(user.FindFirstValue(PortalClaimTypes.OrganisationId)!, CultureInfo.InvariantCulture));

    public static string DisplayName(this ClaimsPrincipal user) => user.FindFirstValue(PortalClaimTypes.DisplayName) ?? user.Identity?.Name ?? "";

    public static string OrganisationName(this ClaimsPrincipal user) => user.FindFirstValue(PortalClaimTypes.OrganisationName) ?? "";

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
