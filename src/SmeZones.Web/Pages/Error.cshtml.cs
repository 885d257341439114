using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages;

/// <summary>
/// The page for every error status (404, 403, 400, 413, 500, 503), reached by re-execution. It needs nothing
/// that could fail with the request it reports on: no database, no antiforgery, no TempData (see the view's layout).
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public partial class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public string Title { get; private set; } = "出错了";
    public string Message { get; private set; } = "处理您的请求时出错，请稍后重试。如问题持续，请联系系统管理员，并告知下方的请求编号。";
    public string RequestId => HttpContext.TraceIdentifier;
    public bool ShowRequestId { get; private set; }

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        // Re-executed requests keep the status they failed with; a direct visit to /Error has none to report.
        var status = Response.StatusCode >= 400 ? Response.StatusCode : code ?? 500;
        var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        (Title, Message) = status switch
        {
            404 => ("页面不存在", "您访问的页面不存在，或您无权查看。请检查地址，或返回首页。"),
            403 => ("无权访问", "您没有访问此页面的权限。"),
            400 => ("请求无效", "请求无效或已过期，请返回上一页刷新后重试。"),
            413 => ("提交的内容过大", "提交的内容或文件超过了允许的大小，请减小后重试。"),
            503 => ("服务暂时不可用", PortalErrors.UnavailableMessage(failure?.Error)),
            _ => (Title, Message),
        };
        ShowRequestId = status >= 500;
        if (failure is not null)
        {
            // The exception itself is logged by the exception handler; this line ties it to the id the user sees.
            LogShown(logger, status, RequestId, failure.Path, failure.Error.GetType().Name, failure.Error.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Error page {Status} shown for request {RequestId} to {Path}: {ExceptionType} {ExceptionMessage}")]
    private static partial void LogShown(ILogger logger, int status, string requestId, string path, string exceptionType, string exceptionMessage);
}
