using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmeZones.Core.Data;
using SmeZones.Core.Notifications;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Messages;

/// <summary>站内消息: the signed-in user's own messages, unread first, paged; all can be marked read at once.</summary>
public class IndexModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public InboxPage Inbox { get; private set; } = new([], 0, 0, 1, 1);

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(int pageNumber = 1) =>
        Inbox = await Core.Notifications.Inbox.PageAsync(db, User.ToViewer().UserId, pageNumber, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostMarkAllReadAsync()
    {
        var marked = await Core.Notifications.Inbox.MarkAllReadAsync(db, User.ToViewer().UserId, clock.GetUtcNow(), HttpContext.RequestAborted);
        Notice = marked == 0 ? "没有未读消息。" : $"已将 {marked} 条消息标为已读。";
        return RedirectToPage();
    }
}
