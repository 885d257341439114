using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace SmeZones.Web.Infrastructure;

/// <summary>
/// Anyone may post to the public pages (objections during 公示), so posts there are limited per client address:
/// <c>Portal:PublicPostsPerHour</c> (default 5) in a fixed hourly window. Reading the pages is never limited.
/// </summary>
public static class PublicRateLimits
{
    public static void AddPublicRateLimits(this IServiceCollection services, IConfiguration config)
    {
        services.AddRateLimiter(o =>
        {
            var perHour = config.GetValue("Portal:PublicPostsPerHour", 5);
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/Public", StringComparison.OrdinalIgnoreCase)
                    ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = perHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(""));
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.ContentType = "text/html; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(
                    "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>提交过于频繁</title></head><body>"
                    + $"<h1>提交过于频繁</h1><p>同一网络地址每小时最多提交 {perHour} 次异议，请一小时后再试。您填写的内容未被保存，请先自行留存。</p>"
                    + "<p><a href=\"/Public/Lists\">返回公示名单</a></p></body></html>", ct);
            };
        });
    }
}
