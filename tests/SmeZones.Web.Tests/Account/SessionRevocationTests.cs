using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SmeZones.Core.Organisations;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Account;

/// <summary>A cookie issued before an account's access changed is signed out on its next request.</summary>
[Collection(PortalCollection.Name)]
public class SessionRevocationTests(PortalHost host)
{
    [Fact]
    public async Task A_deactivated_users_old_cookie_is_signed_out_on_its_next_request_and_cannot_write()
    {
        var account = await host.NewAccountAsync();
        using var user = await host.SignedInAsync(account);
        await user.AssertSignedInAsync("/Applications");
        var form = await user.GetDocumentAsync("/Account/ChangePassword");
        var token = form.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var admin = host.NewClient();
        await admin.SignInAsync("admin");

        using var saved = await admin.AdminEditAsync(account, active: false);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await user.AssertSentToLoginAsync("/Applications");
        // A write prepared while still signed in is refused too, and changes nothing.
        using var write = await user.Http.PostAsync(new Uri("/Account/ChangePassword", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["CurrentPassword"] = account.Password, ["NewPassword"] = "Brand#New2027x", ["ConfirmPassword"] = "Brand#New2027x",
        }));
        Assert.Equal(HttpStatusCode.Redirect, write.StatusCode);
        Assert.StartsWith("/Account/Login", write.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        using var scope = host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        Assert.True(await users.CheckPasswordAsync((await users.FindByIdAsync(account.Id.ToString()))!, account.Password));
        Assert.Contains("UserDeactivated", await host.AuditActionsAsync(account.Id));
    }

    [Fact]
    public async Task A_role_change_signs_the_old_cookie_out_and_the_next_sign_in_carries_the_new_role()
    {
        var account = await host.NewAccountAsync(Roles.Applicant, "广东省工业和信息化厅");
        using var user = await host.SignedInAsync(account);
        await user.AssertSignedInAsync("/Applications");
        using var admin = host.NewClient();
        await admin.SignInAsync("admin");

        using var saved = await admin.AdminEditAsync(account, role: Roles.Reviewer);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await user.AssertSentToLoginAsync("/Applications");
        await user.SignInAsync(account.UserName, account.Password);
        await user.AssertSignedInAsync("/Review");
        using var applications = await user.Http.GetAsync(new Uri("/Applications", UriKind.Relative));
        Assert.StartsWith("/Account/AccessDenied", applications.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("UserRolesChanged", await host.AuditActionsAsync(account.Id));
    }

    [Fact]
    public async Task An_organisation_change_signs_the_old_cookie_out_and_the_next_sign_in_carries_the_new_organisation()
    {
        var account = await host.NewAccountAsync();
        using var user = await host.SignedInAsync(account);
        Assert.Contains("佛山市工业和信息化局", (await user.GetDocumentAsync("/")).Body!.TextContent, StringComparison.Ordinal);
        using var admin = host.NewClient();
        await admin.SignInAsync("admin");

        using var saved = await admin.AdminEditAsync(account, organisationId: await host.OrganisationIdAsync("成都市经济和信息化局"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await user.AssertSentToLoginAsync();
        await user.SignInAsync(account.UserName, account.Password);
        var home = (await user.GetDocumentAsync("/")).Body!.TextContent;
        Assert.Contains("成都市经济和信息化局", home, StringComparison.Ordinal);
        Assert.DoesNotContain("佛山市工业和信息化局", home, StringComparison.Ordinal);
        Assert.Contains("UserOrganisationChanged", await host.AuditActionsAsync(account.Id));
    }

    [Fact]
    public async Task Renaming_an_organisation_signs_its_users_old_cookies_out()
    {
        var name = $"测试单位{Guid.NewGuid():N}"[..16];
        await using (var db = host.NewDbContext())
        {
            db.Organisations.Add(new Organisation { Name = name, Level = OrganisationLevel.County, RegionCode = "440605" });
            await db.SaveChangesAsync();
        }
        var account = await host.NewAccountAsync(Roles.Applicant, name);
        var bystander = await host.NewAccountAsync();
        using var user = await host.SignedInAsync(account);
        using var other = await host.SignedInAsync(bystander);
        using var admin = host.NewClient();
        await admin.SignInAsync("admin");

        using var saved = await admin.SubmitAsync($"/Admin/Organisations/Edit/{account.OrganisationId}", new Dictionary<string, string>
        {
            ["Form.Name"] = name + "（新）", ["Form.Level"] = nameof(OrganisationLevel.County), ["Form.RegionCode"] = "440605", ["Form.IsActive"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await user.AssertSentToLoginAsync();
        await other.AssertSignedInAsync();
    }

    [Fact]
    public async Task Changing_only_the_display_name_keeps_the_users_sessions()
    {
        var account = await host.NewAccountAsync();
        using var user = await host.SignedInAsync(account);
        using var admin = host.NewClient();
        await admin.SignInAsync("admin");

        using var saved = await admin.AdminEditAsync(account);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await user.AssertSignedInAsync();
    }

    [Fact]
    public async Task A_password_change_keeps_this_session_and_ends_the_users_other_sessions()
    {
        var account = await host.NewAccountAsync();
        using var here = await host.SignedInAsync(account);
        using var elsewhere = await host.SignedInAsync(account);

        using var changed = await here.SubmitAsync("/Account/ChangePassword", new Dictionary<string, string>
        {
            ["CurrentPassword"] = account.Password, ["NewPassword"] = "Another#Passw0rd", ["ConfirmPassword"] = "Another#Passw0rd",
        });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        await here.AssertSignedInAsync();
        await elsewhere.AssertSentToLoginAsync();
        Assert.Contains("PasswordChanged", await host.AuditActionsAsync(account.Id));
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_every_session_of_the_user_and_only_of_that_user()
    {
        var account = await host.NewAccountAsync();
        var other = await host.NewAccountAsync();
        using var here = await host.SignedInAsync(account);
        using var elsewhere = await host.SignedInAsync(account);
        using var someoneElse = await host.SignedInAsync(other);

        using var response = await here.SubmitAsync("/Account/ChangePassword", new Dictionary<string, string>(), "form[action*='SignOutEverywhere']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await here.AssertSentToLoginAsync();
        await elsewhere.AssertSentToLoginAsync();
        await someoneElse.AssertSignedInAsync();
        Assert.Contains("SignedOutEverywhere", await host.AuditActionsAsync(account.Id));
    }

    [Fact]
    public async Task Sign_out_ends_this_session_only_and_is_audited()
    {
        var account = await host.NewAccountAsync();
        using var here = await host.SignedInAsync(account);
        using var elsewhere = await host.SignedInAsync(account);

        using var response = await here.SubmitAsync("/", new Dictionary<string, string>(), "form[action='/Account/Logout']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await here.AssertSentToLoginAsync();
        await elsewhere.AssertSignedInAsync();
        Assert.Contains("SignedOut", await host.AuditActionsAsync(account.Id));
    }
}
