using Serilog;
using Serilog.Events;

namespace SmeZones.Web.Infrastructure;

/// <summary>Serilog to the console, and to a rolling file when Portal:LogFile is set; levels from the Serilog section.</summary>
public static class PortalLogging
{
    public static Serilog.ILogger CreateLogger(IConfiguration config)
    {
        var logger = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .ReadFrom.Configuration(config)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}");
        var file = config["Portal:LogFile"];
        if (!string.IsNullOrWhiteSpace(file))
        {
            logger.WriteTo.File(file, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 30);
        }
        return logger.CreateLogger();
    }
}
