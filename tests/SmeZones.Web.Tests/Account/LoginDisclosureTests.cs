using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using SmeZones.Web.Tests.Infrastructure;
using SmeZones.Web.Pages.Account;

namespace SmeZones.Web.Tests.Account;

/// <summary>A failed sign-in says nothing about which accounts exist or what state they are in.</summary>
[Collection(PortalCollection.Name)]
public partial class LoginDisclosureTests(PortalHost host)
{
    [Fact]
    public async Task An_unknown_name_and_a_wrong_password_get_identical_responses()
    {
        var account = await host.NewAccountAsync();
        var unknown = $"nobody.{Guid.NewGuid():N}"[..20];
        using var client = host.NewClient();

        using var wrongPassword = await client.LoginAsync(account.UserName, "Wrong#Passw0rd");
        using var unknownName = await client.LoginAsync(unknown, "Wrong#Passw0rd");

        Assert.Equal(wrongPassword.StatusCode, unknownName.StatusCode);
        Assert.Equal(Comparable(await wrongPassword.Content.ReadAsStringAsync(), account.UserName),
            Comparable(await unknownName.Content.ReadAsStringAsync(), unknown));
        var page = await PortalClient.ParseAsync(unknownName);
        Assert.Equal("用户名或密码不正确。", page.QuerySelector(".error-summary li")!.TextContent.Trim());
        Assert.Equal(wrongPassword.Headers.Contains("Set-Cookie") && wrongPassword.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("SmeZones.Auth", StringComparison.Ordinal)),
            unknownName.Headers.Contains("Set-Cookie") && unknownName.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("SmeZones.Auth", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_unknown_name_costs_about_as_much_password_hashing_as_a_wrong_password()
    {
        var account = await host.NewAccountAsync();
        using var client = host.NewClient();
        // Each login page is fetched outside the timing; only the POST is measured. Medians resist a busy machine.
        var known = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            known.Add(await TimedLoginAsync(client, account.UserName));
            unknown.Add(await TimedLoginAsync(client, $"nobody.{Guid.NewGuid():N}"[..20]));
        }

        // Without the dummy hash an unknown name answered ~35 times faster; allow a wide margin for noise.
        Assert.True(Median(unknown) > Median(known) / 3, $"unknown {Median(unknown):F1} ms, known {Median(known):F1} ms");
    }

    [Fact]
    public async Task A_deactivated_account_with_a_wrong_password_is_told_only_that_the_name_or_password_is_wrong()
    {
        var account = await host.NewAccountAsync();
        using var admin = host.NewClient();
        await admin.SignInAsync("admin");
        using var _ = await admin.AdminEditAsync(account, active: false);
        using var client = host.NewClient();

        using var wrong = await client.LoginAsync(account.UserName, "Wrong#Passw0rd");
        using var right = await client.LoginAsync(account.UserName, account.Password);

        var wrongPage = await PortalClient.ParseAsync(wrong);
        Assert.Equal("用户名或密码不正确。", wrongPage.QuerySelector(".error-summary li")!.TextContent.Trim());
        Assert.DoesNotContain("停用", wrongPage.Body!.TextContent, StringComparison.Ordinal);
        var rightPage = await PortalClient.ParseAsync(right);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("该账户已停用", rightPage.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        await client.AssertSentToLoginAsync();
    }

    [Fact]
    public async Task Four_wrong_passwords_do_not_lock_the_account()
    {
        var account = await host.NewAccountAsync();
        using var client = host.NewClient();
        for (var i = 0; i < 4; i++)
        {
            using var _ = await client.LoginAsync(account.UserName, "Wrong#Passw0rd");
        }

        using var response = await client.LoginAsync(account.UserName, account.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task The_fifth_wrong_password_locks_the_account_which_is_told_only_after_the_right_password()
    {
        var account = await host.NewAccountAsync();
        using var client = host.NewClient();
        for (var i = 0; i < 5; i++)
        {
            using var _ = await client.LoginAsync(account.UserName, "Wrong#Passw0rd");
        }

        using var wrong = await client.LoginAsync(account.UserName, "Wrong#Passw0rd");
        using var right = await client.LoginAsync(account.UserName, account.Password);

        Assert.Equal("用户名或密码不正确。", (await PortalClient.ParseAsync(wrong)).QuerySelector(".error-summary li")!.TextContent.Trim());
        Assert.Contains("账户已被锁定", (await PortalClient.ParseAsync(right)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        await client.AssertSentToLoginAsync();
        var audit = await host.AuditActionsAsync(account.Id);
        Assert.Equal(6, audit.Count(a => a == "SignInFailed"));
        Assert.Single(audit, a => a == "UserLockedOut");
        Assert.Contains("SignInRefused", audit);
    }

    [Fact]
    public async Task A_failed_sign_in_with_an_unknown_name_is_audited_with_the_name_tried()
    {
        var unknown = $"nobody.{Guid.NewGuid():N}"[..20];
        using var client = host.NewClient();

        using var _ = await client.LoginAsync(unknown, "Wrong#Passw0rd");

        await using var db = host.NewDbContext();
        Assert.Single(db.AuditEvents.Where(e => e.Action == "SignInFailed" && e.Summary == unknown));
    }

    [Fact]
    public async Task An_empty_user_name_gets_a_message_beside_the_field()
    {
        using var client = host.NewClient();

        using var response = await client.LoginAsync("", "Wrong#Passw0rd");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("请输入用户名", (await PortalClient.ParseAsync(response)).GetElementById("f-UserName-error")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("admin\u0001")]
    [InlineData("admin\u0000")]
    public async Task A_user_name_with_control_characters_fails_like_any_wrong_login_never_a_500(string userName)
    {
        using var client = host.NewClient();

        using var response = await client.LoginAsync(userName, "Wrong#Passw0rd");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(LoginModel.Failed, (await PortalClient.ParseAsync(response)).Body!.TextContent);
    }

    [Fact]
    public async Task A_megabyte_password_is_refused_without_hashing_it()
    {
        using var client = host.NewClient();

        using var response = await client.LoginAsync("applicant.foshan", new string('x', 1_000_000));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("密码不能超过256个字符", (await PortalClient.ParseAsync(response)).GetElementById("f-Password-error")!.TextContent.Trim());
    }

    private static async Task<double> TimedLoginAsync(PortalClient client, string userName)
    {
        var page = await client.GetDocumentAsync("/Account/Login");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["UserName"] = userName, ["Password"] = "Wrong#Passw0rd",
        });
        var watch = Stopwatch.StartNew();
        using var response = await client.Http.PostAsync(new Uri("/Account/Login", UriKind.Relative), content);
        watch.Stop();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    /// <summary>The page with what legitimately differs removed: the name typed (echoed back) and the antiforgery token.</summary>
    private static string Comparable(string html, string userName) =>
        Token().Replace(html.Replace(userName, "NAME", StringComparison.Ordinal), "TOKEN");

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*>")]
    private static partial Regex Token();
}
