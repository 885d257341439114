using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Applications of the demo authorities in the demo rounds, which the browser journeys walk (ADR 0019: the demo seed
/// is theirs, not the web tests'). Made through the web tests' builders, so a draft is made one way.
/// </summary>
public static class DemoApplications
{
    /// <summary>A fresh draft of the demo authority in the demo round whose name starts so.</summary>
    public static async Task<Application> ApplicationAsync(this BrowserPortal portal, string organisationName, string roundNameStart)
    {
        var (organisation, round) = await FindAsync(portal, organisationName, roundNameStart);
        return await portal.TestData.CreateApplicationAsync(organisation, round);
    }

    /// <summary>A draft of the demo authority filled with its edition's complete fixture and a small PDF in every slot.</summary>
    public static async Task<Application> CompleteDraftAsync(this BrowserPortal portal, string organisationName, string roundNameStart)
    {
        var (organisation, round) = await FindAsync(portal, organisationName, roundNameStart);
        return await portal.TestData.CreateCompleteDraftAsync(organisation, round);
    }

    /// <summary>A new application of the demo 佛山 authority in the demo zone round, submitted with these answers.</summary>
    public static async Task<Application> SubmittedAsync(this BrowserPortal portal, IReadOnlyDictionary<string, string> answers)
    {
        var (organisation, round) = await FindAsync(portal, "佛山市工业和信息化局", "2026年度中外中小企业合作区");
        return await portal.TestData.CreateSubmittedApplicationAsync(organisation, round, answers, $"测试合作区{TestData.Unique()}");
    }

    private static async Task<(Core.Organisations.Organisation, Core.Campaigns.Campaign)> FindAsync(
        BrowserPortal portal, string organisationName, string roundNameStart)
    {
        await using var db = portal.NewDbContext();
        var organisation = await db.Organisations.SingleAsync(o => o.Name == organisationName);
        var round = await db.Campaigns.SingleAsync(c => c.Name.StartsWith(roundNameStart));
        return (organisation, round);
    }
}
