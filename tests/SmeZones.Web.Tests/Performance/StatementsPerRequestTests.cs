using System.Data.Common;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Web.Tests.Infrastructure;
using SmeZones.Web.Tests.Review;

namespace SmeZones.Web.Tests.Performance;

/// <summary>Counts the database commands the portal's own context sends (test data goes through contexts of its own).</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Interlocked.Increment(ref _count);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Interlocked.Increment(ref _count);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Interlocked.Increment(ref _count);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return ValueTask.FromResult(result);
    }
}

/// <summary>The portal with its context's commands counted, on a database of its own so no other test's requests are counted.</summary>
public sealed class CountingPortalHost : PortalHost
{
    public CommandCounter Commands { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.ConfigureDbContext<PortalDbContext>(o => o.AddInterceptors(Commands)));
    }
}

/// <summary>
/// Database round trips of the busiest pages (ADR 0069): the section GET reads the session with the unread count in
/// one statement and the application with its round and province figures in another; a save adds only its write.
/// </summary>
public class StatementsPerRequestTests(CountingPortalHost host) : IClassFixture<CountingPortalHost>
{
    [Fact]
    public async Task The_liveness_probe_sends_no_statement_even_with_a_sign_in_cookie()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        using var client = await host.SignedInAsync(chain.Applicant);

        host.Commands.Reset();
        using var response = await client.Http.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, host.Commands.Count);
    }

    [Fact]
    public async Task A_section_GET_takes_two_statements_and_a_save_three()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.TestData.CreateApplicationAsync(chain.ApplicantOrganisation, chain.Round);
        await using (var db = host.NewDbContext())
        {
            var draft = await db.Applications.SingleAsync(a => a.Id == application.Id);
            draft.Answers = WorkspaceTestData.ZoneAnswers("佛山语句计数合作区");
            await db.SaveChangesAsync();
        }
        using var client = await host.SignedInAsync(chain.Applicant);
        var url = $"/Applications/{application.Id}/Sections/service";
        var form = await client.GetDocumentAsync(url);

        host.Commands.Reset();
        var page = await client.GetDocumentAsync(url);
        var get = host.Commands.Count;

        Assert.NotNull(page.QuerySelector("aside.self-check"));
        Assert.True(get <= 2, $"A section GET took {get} statements (at most 2: session with unread count, application with round and figures).");

        // What a browser posts from the page: every named control as shown, with one unticked box ticked.
        var controls = form.QuerySelectorAll("form.section-form input[name], form.section-form textarea[name], form.section-form select[name]")
            .Cast<IElement>().ToList();
        var values = new List<KeyValuePair<string, string>>();
        var ticked = false;
        foreach (var control in controls)
        {
            var name = control.GetAttribute("name")!;
            var type = control.GetAttribute("type");
            if (type is "checkbox" or "radio")
            {
                if (control.HasAttribute("checked") || (type == "checkbox" && !ticked && (ticked = true)))
                {
                    values.Add(new(name, control.GetAttribute("value") ?? "on"));
                }
                continue;
            }
            values.Add(new(name, control is IHtmlTextAreaElement area ? area.Value : control is IHtmlSelectElement select ? select.Value ?? "" : control.GetAttribute("value") ?? ""));
        }
        Assert.True(ticked);
        host.Commands.Reset();
        using var content = new FormUrlEncodedContent(values);
        using var response = await client.Http.PostAsync(new Uri(url, UriKind.Relative), content);
        var save = host.Commands.Count;

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(save <= 3, $"A section save took {save} statements (at most 3: session, application, the write with its audit row).");
    }
}
