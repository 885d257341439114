using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Help;

/// <summary>How each role uses the portal; open to everyone, so it can be read before the first sign-in.</summary>
[AllowAnonymous]
public class IndexModel(IConfiguration config) : PageModel
{
    public PortalBranding Brand { get; } = PortalBranding.From(config);

    public void OnGet()
    {
    }
}
