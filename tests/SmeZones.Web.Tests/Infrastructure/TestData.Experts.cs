using SmeZones.Core.ExpertReview;
using SmeZones.Core.Organisations;

namespace SmeZones.Web.Tests.Infrastructure;

public sealed partial class TestData
{
    /// <summary>
    /// A new expert in the 专家库: a user in the Expert role at a new authority of the provincial unit, with a profile
    /// naming that unit (so an application of the same unit is a conflict, 回避) and the fields given.
    /// </summary>
    public async Task<PortalUser> CreateExpertAsync(string provincialUnitCode, params string[] fields)
    {
        var expert = await CreateUserAsync(OrganisationLevel.ProvincialUnit, provincialUnitCode, Roles.Expert);
        await using var db = host.NewDbContext();
        db.ExpertProfiles.Add(new ExpertProfile
        {
            UserId = expert.Id, WorkUnit = $"测试大学{Unique()}", ProvincialUnitCode = provincialUnitCode,
            Fields = fields.Length > 0 ? [.. fields] : ["国际合作"], UpdatedAt = host.Clock.GetUtcNow(),
        });
        await db.SaveChangesAsync();
        return expert;
    }
}
