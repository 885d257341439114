using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Audit;
using SmeZones.Core.ExpertReview;
using SmeZones.Core.Organisations;

namespace SmeZones.Web.Tests.Infrastructure;

public sealed partial class TestData
{
    /// <summary>
    /// A new expert (at an authority of 北京) assigned to the application by hand and confirming no conflict, through the
    /// portal's own expert-review operations: the score sheet is open for them to fill in.
    /// </summary>
    public async Task<(PortalUser Expert, ExpertAssignment Assignment)> CreateOpenSheetAsync(Application application)
    {
        var expert = await CreateUserAsync(OrganisationLevel.ProvincialUnit, "110000", Roles.Expert);
        await using var db = host.NewDbContext();
        var now = host.Clock.GetUtcNow();
        db.ExpertProfiles.Add(new ExpertProfile { UserId = expert.Id, WorkUnit = $"测试大学{Unique()}", ProvincialUnitCode = "110000", Fields = ["国际合作"], UpdatedAt = now });
        await db.SaveChangesAsync();
        var target = await db.Applications.Include(a => a.Organisation).SingleAsync(a => a.Id == application.Id);
        Check(await ExpertPanel.AssignAsync(db, target, expert.Id, asReserve: false, null, Actor.System, now));
        var assignment = await db.ExpertAssignments.SingleAsync(a => a.ApplicationId == application.Id && a.ExpertId == expert.Id);
        Check(await ExpertPanel.ConfirmNoConflictAsync(db, assignment, new Actor(expert.Id, expert.UserName!, expert.OrganisationId), now));
        return (expert, assignment);
    }
}
