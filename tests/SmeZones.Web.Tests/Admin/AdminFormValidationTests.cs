using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Admin;

/// <summary>
/// The administrator's forms validated by their registered validators before the handler runs (the page filter): the
/// messages stand beside their fields, and nothing is saved.
/// </summary>
[Collection(PortalCollection.Name)]
public class AdminFormValidationTests(PortalHost host)
{
    private const string Password = "Kq7mZ2pLx9vT";

    [Fact]
    public async Task An_organisation_without_name_or_level_is_refused_beside_both_fields_and_not_saved()
    {
        using var client = await AdminAsync();
        var before = await OrganisationCountAsync();

        using var response = await client.SubmitAsync("/Admin/Organisations/Edit",
            new Dictionary<string, string> { ["Form.Name"] = "  ", ["Form.Level"] = "" }, "main form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Equal("请填写单位名称", page.GetElementById("f-Form-Name-error")?.TextContent.Trim());
        Assert.Equal("请选择单位层级", page.GetElementById("f-Form-Level-error")?.TextContent.Trim());
        Assert.Equal(before, await OrganisationCountAsync());
    }

    [Fact]
    public async Task A_new_user_needs_a_password_but_an_edit_of_an_existing_one_does_not()
    {
        using var client = await AdminAsync();
        var organisationId = await OrganisationIdAsync();
        var userName = "u" + Guid.NewGuid().ToString("N")[..10];

        using var refused = await client.SubmitAsync("/Admin/Users/Edit", UserFields(userName, organisationId, password: ""), "main form");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await PortalClient.ParseAsync(refused);
        Assert.Equal("新用户须设置初始密码", page.GetElementById("f-Form-NewPassword-error")?.TextContent.Trim());
        Assert.Null(await UserIdAsync(userName));

        using (var created = await client.SubmitAsync("/Admin/Users/Edit", UserFields(userName, organisationId, Password), "main form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }
        var id = (await UserIdAsync(userName))!.Value;

        using var edited = await client.SubmitAsync($"/Admin/Users/Edit/{id}",
            UserFields(userName, organisationId, password: "", displayName: "改后的姓名"), "main form");

        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        await using var db = host.NewDbContext();
        Assert.Equal("改后的姓名", await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).SingleAsync());
    }

    [Fact]
    public async Task A_post_to_the_new_user_page_claiming_an_existing_id_is_still_a_new_user_that_needs_a_password()
    {
        using var client = await AdminAsync();
        var organisationId = await OrganisationIdAsync();
        var existing = await UserIdAsync("applicant.foshan");
        var userName = "u" + Guid.NewGuid().ToString("N")[..10];
        var fields = UserFields(userName, organisationId, password: "");
        fields["Form.Id"] = existing!.Value.ToString();

        using var response = await client.SubmitAsync("/Admin/Users/Edit", fields, "main form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Equal("新用户须设置初始密码", page.GetElementById("f-Form-NewPassword-error")?.TextContent.Trim());
        Assert.Null(await UserIdAsync(userName));
    }

    private static Dictionary<string, string> UserFields(string userName, int organisationId, string password, string displayName = "测试用户") => new()
    {
        ["Form.UserName"] = userName,
        ["Form.DisplayName"] = displayName,
        ["Form.OrganisationId"] = organisationId.ToString(CultureInfo.InvariantCulture),
        ["Form.Roles"] = "Applicant",
        ["Form.IsActive"] = "true",
        ["Form.NewPassword"] = password,
    };

    private async Task<PortalClient> AdminAsync()
    {
        var client = host.NewClient();
        await client.SignInAsync("admin");
        return client;
    }

    private async Task<int> OrganisationCountAsync()
    {
        await using var db = host.NewDbContext();
        return await db.Organisations.CountAsync();
    }

    private async Task<int> OrganisationIdAsync()
    {
        await using var db = host.NewDbContext();
        return await db.Users.Where(u => u.UserName == "applicant.foshan").Select(u => u.OrganisationId).SingleAsync();
    }

    private async Task<Guid?> UserIdAsync(string userName)
    {
        await using var db = host.NewDbContext();
        return await db.Users.Where(u => u.UserName == userName).Select(u => (Guid?)u.Id).SingleOrDefaultAsync();
    }
}
