using SmeZones.Web.Commands;
using SmeZones.Web.Infrastructure;

// `SmeZones.Web migrate|seed-demo|create-user …` runs an admin verb; anything else serves the portal.
if (args.Length > 0 && AdminCommands.IsVerb(args[0]))
{
    return await AdminCommands.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddPortal();
var app = builder.Build();
app.UsePortal();
await app.RunAsync();
return 0;

/// <summary>Entry point, public so the web tests can host the app.</summary>
public partial class Program;
