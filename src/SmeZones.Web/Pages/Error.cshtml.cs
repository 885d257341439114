using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SmeZones.Web.Pages;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public class ErrorModel : PageModel
{
    public string Title { get; private set; } = "出错了";
    public string Message { get; private set; } = "处理您的请求时出错，请稍后重试。如问题持续，请联系系统管理员。";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        (Title, Message) = code switch
        {
            404 => ("页面不存在", "您访问的页面不存在，或您无权查看。"),
            403 => ("无权访问", "您没有访问此页面的权限。"),
            400 => ("请求无效", "请求无效或已过期，请返回上一页刷新后重试。"),
            _ => (Title, Message),
        };
    }
}
