using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SmeZones.Core.Organisations;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Account;

[Collection(PortalCollection.Name)]
public class SignInTests(PortalHost host)
{
    [Fact]
    public async Task Demo_applicant_signs_in_and_sees_its_home_page_in_Chinese()
    {
        using var client = host.NewClient();

        using var response = await client.LoginAsync("applicant.foshan");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var home = await client.GetDocumentAsync("/");
        Assert.Equal("zh-CN", home.DocumentElement.GetAttribute("lang"));
        Assert.Contains("佛山市工业和信息化局", home.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("2026年度中外中小企业合作区推荐", home.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_a_message_and_no_cookie()
    {
        using var client = host.NewClient();

        using var response = await client.LoginAsync("applicant.foshan", "wrong-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains("用户名或密码不正确", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        using var home = await client.Http.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/Account/Login", home.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_fields_get_messages_next_to_each_field()
    {
        using var client = host.NewClient();

        using var response = await client.SubmitAsync("/Account/Login", new Dictionary<string, string> { ["UserName"] = "", ["Password"] = "" });

        var page = await PortalClient.ParseAsync(response);
        Assert.Equal("请输入用户名", page.GetElementById("f-UserName-error")!.TextContent.Trim());
        Assert.Equal("请输入密码", page.GetElementById("f-Password-error")!.TextContent.Trim());
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        using var client = host.NewClient();
        await client.SignInAsync("ministry");

        using var response = await client.SubmitAsync("/", new Dictionary<string, string>(), "form[action='/Account/Logout']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var home = await client.Http.GetAsync(new Uri("/", UriKind.Relative));
        Assert.StartsWith("/Account/Login", home.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_the_password_checks_the_confirmation_then_takes_the_new_one()
    {
        var userName = await CreateUserAsync();
        using var client = host.NewClient();
        await client.SignInAsync(userName, "Correct#Passw0rd");

        using var mismatch = await client.SubmitAsync("/Account/ChangePassword", new Dictionary<string, string>
        {
            ["CurrentPassword"] = "Correct#Passw0rd", ["NewPassword"] = "Another#Passw0rd", ["ConfirmPassword"] = "Different#1",
        });
        using var changed = await client.SubmitAsync("/Account/ChangePassword", new Dictionary<string, string>
        {
            ["CurrentPassword"] = "Correct#Passw0rd", ["NewPassword"] = "Another#Passw0rd", ["ConfirmPassword"] = "Another#Passw0rd",
        });

        var page = await PortalClient.ParseAsync(mismatch);
        Assert.Equal("两次输入的新密码不一致", page.GetElementById("f-ConfirmPassword-error")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        using var fresh = host.NewClient();
        using var signIn = await fresh.LoginAsync(userName, "Another#Passw0rd");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    private async Task<string> CreateUserAsync()
    {
        using var scope = host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var foshan = await users.FindByNameAsync("applicant.foshan");
        var user = new PortalUser { UserName = $"lock.{Guid.NewGuid():N}"[..20], DisplayName = "锁定测试", OrganisationId = foshan!.OrganisationId };
        var result = await users.CreateAsync(user, "Correct#Passw0rd");
        Assert.True(result.Succeeded);
        await users.AddToRoleAsync(user, Roles.Applicant);
        return user.UserName!;
    }
}
