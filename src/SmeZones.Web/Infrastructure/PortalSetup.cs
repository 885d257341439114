using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Data;
using SmeZones.Core.Exports;
using SmeZones.Core.Organisations;
using SmeZones.Web.Scheduling;

namespace SmeZones.Web.Infrastructure;

/// <summary>How the portal is put together: services in <see cref="AddPortal"/>, the pipeline in <see cref="UsePortal"/>.</summary>
public static class PortalSetup
{
    public static void AddPortal(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;

        // Do not tell every visitor which web server runs the portal.
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        builder.AddPortalLogging();

        services.AddPortalDatabase(config);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new SmeZones.Core.Assessment.DraftSelfCheck(config.GetValue("Portal:DraftCacheEntries", SmeZones.Core.Assessment.DraftSelfCheck.DefaultCapacity)));
        services.AddSingleton(new PdfRendererOptions
        {
            ChromiumPath = config["Portal:ChromiumPath"] ?? "/usr/bin/chromium",
            Timeout = TimeSpan.FromSeconds(config.GetValue("Portal:PdfTimeoutSeconds", 20)),
            PoolSize = config.GetValue("Portal:PdfPoolSize", 2 * Environment.ProcessorCount),
            QueueTimeout = TimeSpan.FromSeconds(config.GetValue("Portal:PdfQueueTimeoutSeconds", 15.0)),
            RecycleAfter = config.GetValue("Portal:PdfRecycleAfter", 200),
            Tagged = config.GetValue("Portal:PdfTagged", false),
            FontConfigFile = config["Portal:PdfFontConfig"] ?? PdfRendererOptions.DefaultFontConfigFile,
        });
        services.AddSingleton<IPdfRenderer, ChromiumPdfRenderer>();
        services.AddSingleton<ApplicationPrintHtml>();
        // Refuse to start with evidence limits that make no sense, rather than fail at the first upload.
        _ = Core.Applications.EvidenceLimits.From(config);

        services.AddIdentity<PortalUser, IdentityRole<Guid>>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddUserStore<PortalUserStore>()
            .AddPasswordValidator<PortalPasswordValidator>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddDefaultTokenProviders();
        services.AddScoped<IUserClaimsPrincipalFactory<PortalUser>, PortalClaimsFactory>();
        services.AddScoped<Pages.Account.PasswordCheck>();
        services.AddScoped<UnreadMessages>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "SmeZones.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = config.GetValue("Portal:RequireHttps", false) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // Every request: revoked access ends at once (ADR 0008).
            o.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "SmeZones.Antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "__RequestVerificationToken";
        });
        // A 1 MB answer URL-encodes to up to 9 MB: let it reach the field's length check and its message, not a 500.
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.ValueLengthLimit = 16 * 1024 * 1024);
        services.AddPortalDataProtection(config, builder.Environment);
        services.AddPortalAuthorization();

        // Chinese text is written as is, not as &#x…; entities: smaller pages, readable source, same safety.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/", Policies.SignedIn);
            // Only these account pages are open; an anonymous-folder rule would win over any AuthorizePage.
            o.Conventions.AllowAnonymousToPage("/Account/Login");
            o.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
            o.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
            o.Conventions.AuthorizeFolder("/Applications", Policies.Applicant);
            o.Conventions.AuthorizeFolder("/Review", Policies.Review);
            o.Conventions.AuthorizeFolder("/Ministry", Policies.Ministry);
            o.Conventions.AllowAnonymousToFolder("/Public");
            o.Conventions.AuthorizeFolder("/Experts", Policies.Expert);
            o.Conventions.AuthorizeFolder("/Rounds", Policies.Organiser);
            o.Conventions.AuthorizeFolder("/Registry", Policies.Registry);
            o.Conventions.AuthorizePage("/Registry/Import", Policies.RegistryImport);
        }).AddMvcOptions(o =>
        {
            o.Filters.Add(new ValidatorPageFilter());
            o.Filters.Add(new ControlCharacterFilter());
            o.UseChineseBindingMessages();
        });
        services.AddValidatorsFromAssemblyContaining<ValidatorPageFilter>();
        services.AddPublicRateLimits(config);
        services.AddHealthChecks().AddDbContextCheck<PortalDbContext>("database", tags: ["ready"]);
        builder.AddPortalScheduling();
    }

    public static void UsePortal(this WebApplication app)
    {
        var zh = new CultureInfo("zh-CN");
        CultureInfo.DefaultThreadCurrentCulture = zh;
        CultureInfo.DefaultThreadCurrentUICulture = zh;

        app.UsePortalRequestLogging();
        app.UseMiddleware<SecurityHeaders>();
        // In every environment: the developer exception page would show anonymous visitors stacks, headers and cookies.
        // Both re-execute /Error through routing and authorization, so they sit before UseRouting (the error page's
        // [AllowAnonymous] is then honoured instead of failing the request with "authorization metadata" → 500).
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/Error",
            StatusCodeSelector = PortalErrors.StatusCodeFor,
        });
        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.UseMiddleware<ControlCharacterBody>();
        app.UseRequestLocalization(new RequestLocalizationOptions { DefaultRequestCulture = new RequestCulture(zh), SupportedCultures = [zh], SupportedUICultures = [zh] });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        // Liveness answers straight after routing: a probe (or a signed-in browser's cookie sent with it) costs no
        // session check against the database, so it measures the process, not PostgreSQL.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().ShortCircuit();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapRazorPages();
    }

    public static void AddPortalDatabase(this IServiceCollection services, IConfiguration config)
    {
        var connection = config.GetConnectionString("Default")
            ?? throw new InvalidOperationException("ConnectionStrings:Default is not set (environment variable ConnectionStrings__Default).");
        // Pooled (ADR 0088): a request rents a context already built instead of creating and initialising one.
        // The context holds no state of its own beyond what EF Core resets when it goes back to the pool.
        services.AddDbContextPool<PortalDbContext>(o => o.UsePortalDatabase(connection));
        // The portal and the admin verbs both come here, so both know an operator's extra form editions (ADR 0036).
        if (config["Forms:EditionsDirectory"] is { Length: > 0 } editions)
        {
            SmeZones.Core.Forms.FormEditionCatalogue.AddDirectory(editions);
        }
    }
}
