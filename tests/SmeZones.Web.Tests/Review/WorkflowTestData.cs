using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Audit;
using SmeZones.Core.Forms;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Review;

/// <summary>Submitted applications for workflow tests, made without the UI, and posts a browser could make.</summary>
public static class WorkflowTestData
{
    /// <summary>
    /// A new application of the chain's applicant in its round, submitted once with the answers given.
    /// SubmitAsync itself does not require complete answers; only the check page does.
    /// </summary>
    public static async Task<Application> SubmittedAsync(this PortalHost host, RoundChain chain, IReadOnlyDictionary<string, string>? answers = null)
    {
        var title = WorkspaceTestData.UniqueTitle("测试合作区");
        return await host.TestData.CreateSubmittedApplicationAsync(chain.ApplicantOrganisation, chain.Round,
            answers ?? new Dictionary<string, string> { ["basic.zoneName"] = title }, title);
    }

    /// <summary>The applicant's resubmission after a return, with some answers changed (or none).</summary>
    public static async Task ResubmitAsync(this PortalHost host, Guid id, IReadOnlyDictionary<string, string> edits)
    {
        await using var db = host.NewDbContext();
        var application = await db.Applications.Include(a => a.Campaign).ThenInclude(c => c!.Stages).Include(a => a.Organisation)
            .SingleAsync(a => a.Id == id);
        var answers = new Dictionary<string, string>(application.Answers);
        foreach (var (key, value) in edits)
        {
            answers[key] = value;
        }
        application.Answers = answers;
        await db.SaveChangesAsync();
        await SubmitAsync(db, host, application);
    }

    /// <summary>
    /// Posts fields to a URL with the antiforgery token of a page the user can open (the layout's sign-out form has
    /// one), as a browser holding an old copy of a form would.
    /// </summary>
    public static async Task<HttpResponseMessage> PostWithTokenAsync(
        this PortalClient client, string tokenPage, string action, IDictionary<string, string> fields)
    {
        var page = await client.GetDocumentAsync(tokenPage);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {tokenPage}.");
        using var content = new FormUrlEncodedContent(fields.Append(new KeyValuePair<string, string>("__RequestVerificationToken", token)));
        return await client.Http.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    private static async Task SubmitAsync(Core.Data.PortalDbContext db, PortalHost host, Application application)
    {
        // As the applicant authority's own user would resubmit.
        var applicant = await db.Users.Where(u => u.OrganisationId == application.OrganisationId).Select(u => u.UserName).FirstAsync();
        await ApplicationSubmission.SubmitAsync(db, application, FormEditionCatalogue.Default.Get(application.FormEditionKey),
            new Actor(null, applicant!, application.OrganisationId), host.Clock.GetUtcNow());
    }
}
