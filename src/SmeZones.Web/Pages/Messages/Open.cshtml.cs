using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmeZones.Core.Data;
using SmeZones.Core.Notifications;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Messages;

/// <summary>Opens one of the user's own messages: marks it read and goes to the page it concerns (or shows it).</summary>
public class OpenModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public Message Message { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        // Another user's message is as absent as one that never existed.
        if (await Inbox.OpenAsync(db, User.ToViewer().UserId, id, clock.GetUtcNow(), HttpContext.RequestAborted) is not { } message)
        {
            return NotFound();
        }
        if (message.LinkPage is not null)
        {
            return RedirectToPage(message.LinkPage, new RouteValueDictionary(message.LinkValues.ToDictionary(kv => kv.Key, kv => (object?)kv.Value)));
        }
        Message = message;
        return Page();
    }
}
