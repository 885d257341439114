using System.Net;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Account;

/// <summary>The password page is for signed-in users only, and new passwords follow the portal's rules wherever they are set.</summary>
[Collection(PortalCollection.Name)]
public class PasswordPolicyTests(PortalHost host)
{
    [Fact]
    public async Task The_password_page_sends_anonymous_visitors_to_sign_in_for_get_and_post()
    {
        using var client = host.NewClient();

        await client.AssertSentToLoginAsync("/Account/ChangePassword");
        using var post = await client.Http.PostAsync(new Uri("/Account/ChangePassword", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["CurrentPassword"] = "x", ["NewPassword"] = "Another#Passw0rd", ["ConfirmPassword"] = "Another#Passw0rd",
        }));

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/Account/Login", post.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{0}#2026Aa", "NewPassword", "密码不能包含用户名。")]
    [InlineData("佛山市工业和信息化局Aa2026", "NewPassword", "密码不能包含所属单位名称。")]
    [InlineData("{1}", "NewPassword", "不能使用最近 5 次用过的密码。")]
    public async Task A_new_password_with_the_name_the_organisation_or_the_current_password_is_refused_beside_the_field(string template, string field, string message)
    {
        var account = await host.NewAccountAsync();
        using var client = await host.SignedInAsync(account);
        var password = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, account.UserName.ToUpperInvariant(), account.Password);

        using var response = await ChangeAsync(client, account.Password, password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, (await PortalClient.ParseAsync(response)).GetElementById($"f-{field}-error")!.TextContent.Trim());
    }

    [Fact]
    public async Task None_of_the_last_five_passwords_may_be_used_again_but_the_sixth_may()
    {
        var account = await host.NewAccountAsync();
        using var client = await host.SignedInAsync(account);
        var passwords = new[] { account.Password, "Second#Passw0rd", "Third#Passw0rd1", "Fourth#Passw0rd", "Fifth#Passw0rd1", "Sixth#Passw0rd1" };
        for (var i = 1; i < passwords.Length; i++)
        {
            using var changed = await ChangeAsync(client, passwords[i - 1], passwords[i]);
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        }

        using var recent = await ChangeAsync(client, passwords[^1], passwords[1]);
        using var old = await ChangeAsync(client, passwords[^1], passwords[0]);

        Assert.Equal("不能使用最近 5 次用过的密码。", (await PortalClient.ParseAsync(recent)).GetElementById("f-NewPassword-error")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, old.StatusCode);
    }

    [Fact]
    public async Task A_password_with_control_characters_is_taken_since_only_its_hash_is_stored()
    {
        var account = await host.NewAccountAsync();
        using var client = await host.SignedInAsync(account);

        using var response = await ChangeAsync(client, account.Password, "\u0001Abcdefgh12\u0001");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var fresh = host.NewClient();
        await fresh.SignInAsync(account.UserName, "\u0001Abcdefgh12\u0001");
    }

    [Fact]
    public async Task A_megabyte_new_password_gets_a_message_not_a_500()
    {
        var account = await host.NewAccountAsync();
        using var client = await host.SignedInAsync(account);

        using var response = await ChangeAsync(client, account.Password, new string('A', 1_000_000));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("密码不能超过256个字符", (await PortalClient.ParseAsync(response)).GetElementById("f-NewPassword-error")!.TextContent.Trim());
    }

    [Fact]
    public async Task An_administrator_cannot_set_a_password_with_the_user_name_or_the_current_password()
    {
        var account = await host.NewAccountAsync();
        using var admin = host.NewClient();
        await admin.SignInAsync("admin");

        using var withName = await admin.AdminEditAsync(account, newPassword: $"{account.UserName}#Aa1");
        using var current = await admin.AdminEditAsync(account, newPassword: account.Password);
        using var good = await admin.AdminEditAsync(account, newPassword: "Reset#ByAdmin2026");

        Assert.Equal("密码不能包含用户名。", (await PortalClient.ParseAsync(withName)).GetElementById("f-Form-NewPassword-error")!.TextContent.Trim());
        Assert.Equal("不能使用最近 5 次用过的密码。", (await PortalClient.ParseAsync(current)).GetElementById("f-Form-NewPassword-error")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        using var client = host.NewClient();
        await client.SignInAsync(account.UserName, "Reset#ByAdmin2026");
        Assert.Contains("UserPasswordReset", await host.AuditActionsAsync(account.Id));
    }

    [Fact]
    public async Task An_administrators_password_reset_ends_the_users_sessions()
    {
        var account = await host.NewAccountAsync();
        using var user = await host.SignedInAsync(account);
        using var admin = host.NewClient();
        await admin.SignInAsync("admin");

        using var reset = await admin.AdminEditAsync(account, newPassword: "Reset#ByAdmin2026");

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        await user.AssertSentToLoginAsync();
    }

    private static Task<HttpResponseMessage> ChangeAsync(PortalClient client, string current, string next) =>
        client.SubmitAsync("/Account/ChangePassword", new Dictionary<string, string>
        {
            ["CurrentPassword"] = current, ["NewPassword"] = next, ["ConfirmPassword"] = next,
        });
}
