using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmeZones.Core.Data;

namespace SmeZones.Web.Infrastructure;

/// <summary>
/// Checks the sign-in cookie against the account on every request: one read of the user's security stamp and
/// active flag by primary key, which also counts the user's unread messages for the header (one statement, not two;
/// ADR 0069). Deactivation, a change of role or organisation, a password change and "sign out
/// everywhere" all change the stamp, so the next request with an older cookie is signed out and sent to the login page.
/// A matching stamp means nothing the cookie's claims were built from has changed, so the principal is kept as is:
/// no claims are rebuilt and no new cookie is written on ordinary requests. (Identity's SecurityStampValidator with a
/// zero interval would rebuild the principal and rewrite the cookie on every request.)
/// </summary>
public static class SessionValidation
{
    // Every signed-in request runs it: compiled once, so no request pays for translating the expression (ADR 0088).
    private static readonly Func<PortalDbContext, Guid, CancellationToken, Task<Account?>> ReadAccount =
        EF.CompileAsyncQuery((PortalDbContext db, Guid userId, CancellationToken ct) => db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new Account(u.SecurityStamp, u.IsActive, db.Messages.Count(m => m.RecipientId == u.Id && m.ReadAt == null)))
            .SingleOrDefault());

    private sealed record Account(string? SecurityStamp, bool IsActive, int Unread);

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        if (principal?.Identity?.IsAuthenticated != true)
        {
            return;
        }
        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var cookieStamp = principal.FindFirstValue(stampClaim);
        var account = Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            ? await ReadAccount(services.GetRequiredService<PortalDbContext>(), userId, context.HttpContext.RequestAborted)
            : null;
        if (account is { IsActive: true } && cookieStamp is not null && string.Equals(account.SecurityStamp, cookieStamp, StringComparison.Ordinal))
        {
            services.GetRequiredService<UnreadMessages>().Known(account.Unread);
            return;
        }
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
