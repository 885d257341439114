using System.Security.Claims;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace SmeZones.Web.Infrastructure;

/// <summary>
/// Serilog for everything the portal logs: the console always, compact JSON to a daily file when Portal:LogFile is set,
/// levels from the Serilog section, and one event per request from Serilog.AspNetCore.
/// </summary>
public static class PortalLogging
{
    public static void AddPortalLogging(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        builder.Logging.ClearProviders();
        // The static Log.Logger is left alone: several hosts (the web tests) may live in one process.
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
                .ReadFrom.Configuration(config)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}");
            var file = config["Portal:LogFile"];
            if (!string.IsNullOrWhiteSpace(file))
            {
                logger.WriteTo.File(new CompactJsonFormatter(), file, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 30);
            }
        }, preserveStaticLogger: true);
    }

    /// <summary>
    /// One event per request, written when the response is complete. It sits outside the exception handler and the
    /// status-code pages, so the status logged is the one the client received.
    /// </summary>
    public static void UsePortalRequestLogging(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<Serilog.ILogger>();
        app.UseSerilogRequestLogging(o =>
        {
            o.Logger = logger;
            o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms (user {UserName})";
            // Static files would double the log for nothing; below the minimum level they are never written.
            o.GetLevel = (http, _, exception) =>
                exception is not null || http.Response.StatusCode >= 500 ? LogEventLevel.Error
                : http.Request.Path.StartsWithSegments("/lib") ? LogEventLevel.Verbose
                : LogEventLevel.Information;
            o.EnrichDiagnosticContext = (diagnostics, http) =>
            {
                diagnostics.Set("RequestId", http.TraceIdentifier);
                diagnostics.Set("UserName", http.User.Identity?.Name);
                diagnostics.Set("OrganisationId", http.User.FindFirstValue(PortalClaimTypes.OrganisationId));
            };
        });
    }
}
