using System.Diagnostics;

namespace SmeZones.Web.Infrastructure;

/// <summary>One structured log line per request (Serilog.AspNetCore cannot be restored here).</summary>
public sealed partial class RequestLogging(RequestDelegate next, ILogger<RequestLogging> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (!context.Request.Path.StartsWithSegments("/lib"))
            {
                LogRequest(logger, context.Request.Method, context.Request.Path.Value ?? "", context.Response.StatusCode, elapsed,
                    context.User.Identity?.Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP {Method} {Path} responded {StatusCode} in {ElapsedMs:0.0} ms (user {User})")]
    private static partial void LogRequest(ILogger logger, string method, string path, int statusCode, double elapsedMs, string? user);
}
