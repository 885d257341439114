using System.Net;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Notifications;
using SmeZones.Core.Organisations;
using SmeZones.Web.Tests.Infrastructure;
using SmeZones.Web.Tests.Review;

namespace SmeZones.Web.Tests.Messages;

/// <summary>The review hand-overs through their pages write 站内消息 to the right users, and the messages pages show them.</summary>
[Collection(PortalCollection.Name)]
public class HandOverMessageTests(PortalHost host)
{
    [Fact]
    public async Task A_return_tells_the_active_applicants_of_the_authority_only_and_opening_it_marks_it_read_and_goes_to_the_application()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var colleague = await host.TestData.CreateUserAsync(chain.ApplicantOrganisation, Roles.Applicant);
        var departed = await host.TestData.CreateUserAsync(chain.ApplicantOrganisation, Roles.Applicant);
        var otherRole = await host.TestData.CreateUserAsync(chain.ApplicantOrganisation, Roles.Expert);
        await host.DeactivateAsync(departed);
        var application = await host.SubmittedAsync(chain);
        using var reviewer = await host.SignedInAsync(chain.Province);

        using var returned = await reviewer.SubmitAsync($"/Review/Applications/{application.Id}/Return",
            new Dictionary<string, string> { ["General"] = "请补充近三年数据来源。" });

        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        var message = Assert.Single(await host.MessagesOfAsync(chain.Applicant));
        Assert.Equal((MessageKinds.ReturnedForRevision.Key, "/Applications/Detail"), (message.Kind, message.LinkPage));
        Assert.Contains(application.Number, message.Title, StringComparison.Ordinal);
        Assert.Single(await host.MessagesOfAsync(colleague));
        Assert.Empty(await host.MessagesOfAsync(departed));
        Assert.Empty(await host.MessagesOfAsync(otherRole));

        using var applicant = await host.SignedInAsync(chain.Applicant);
        var home = await applicant.GetDocumentAsync("/");
        Assert.Contains("1 条未读", home.GetElementById("site-messages")!.TextContent, StringComparison.Ordinal);
        var list = await applicant.GetDocumentAsync("/Messages");
        var item = list.QuerySelector(".message-unread")!;
        Assert.Contains(message.Title, item.TextContent, StringComparison.Ordinal);
        Assert.Contains("未读", item.TextContent, StringComparison.Ordinal);

        using var opened = await applicant.Http.GetAsync(new Uri($"/Messages/Open/{message.Id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal($"/Applications/{application.Id}", opened.Headers.Location?.OriginalString);
        Assert.NotNull((await host.MessagesOfAsync(chain.Applicant)).Single().ReadAt);
        var after = await applicant.GetDocumentAsync("/");
        Assert.Equal("站内消息", after.GetElementById("site-messages")!.TextContent.Trim());
        Assert.Null((await applicant.GetDocumentAsync("/Messages")).QuerySelector(".message-unread"));
    }

    [Fact]
    public async Task Another_users_message_is_not_found_and_stays_unread()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.SubmittedAsync(chain);
        using var reviewer = await host.SignedInAsync(chain.Province);
        using var returned = await reviewer.SubmitAsync($"/Review/Applications/{application.Id}/Return",
            new Dictionary<string, string> { ["General"] = "请核实。" });
        var message = Assert.Single(await host.MessagesOfAsync(chain.Applicant));

        using var opened = await reviewer.Http.GetAsync(new Uri($"/Messages/Open/{message.Id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, opened.StatusCode);
        Assert.Null((await host.MessagesOfAsync(chain.Applicant)).Single().ReadAt);
    }

    [Fact]
    public async Task Sign_off_tells_the_applicant_the_conclusion_and_the_ministry_that_it_has_an_application_to_review()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var ministry = await host.TestData.CreateUserAsync(Roles.Ministry);
        var application = await host.SubmittedAsync(chain);
        using var reviewer = await host.SignedInAsync(chain.Province);
        var decision = $"/Review/Applications/{application.Id}/Decision";

        using var decided = await reviewer.SubmitAsync(decision,
            new Dictionary<string, string> { ["Decision"] = "Recommend", ["Opinion"] = "同意推荐。" }, "form#decision-form");
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        Assert.Empty(await host.MessagesOfAsync(chain.Applicant)); // a decision is not a hand-over until it is signed off
        using var signed = await reviewer.SubmitAsync(decision, new Dictionary<string, string> { ["Confirm"] = "true" }, "form#signoff-form");

        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        var told = Assert.Single(await host.MessagesOfAsync(chain.Applicant));
        Assert.Equal(MessageKinds.Recommended.Key, told.Kind);
        Assert.Contains("推荐", told.Body, StringComparison.Ordinal);
        var next = Assert.Single(await host.MessagesOfAsync(ministry, MessageKinds.ForwardedToStage.Key), m => m.LinkValues["id"] == application.Id.ToString());
        Assert.Equal("/Review/Applications/Detail", next.LinkPage);
        Assert.Empty(await host.MessagesOfAsync(chain.Province));
    }

    [Fact]
    public async Task The_list_pages_twenty_unread_first_and_mark_all_read_clears_the_count()
    {
        var user = await host.TestData.CreateUserAsync(Roles.Applicant);
        await using (var db = host.NewDbContext())
        {
            var start = host.Clock.GetUtcNow();
            for (var i = 0; i < 25; i++)
            {
                await Notifications.SendAsync(db, MessageKinds.DeadlineReminder, Recipients.User(user.Id), $"消息{i:00}", "正文", null, start.AddMinutes(i));
            }
            await db.SaveChangesAsync();
            // The newest one is read already: it goes after every unread one.
            var newest = await db.Messages.SingleAsync(m => m.RecipientId == user.Id && m.Title == "消息24");
            newest.ReadAt = start;
            await db.SaveChangesAsync();
        }
        using var client = await host.SignedInAsync(user);

        var first = await client.GetDocumentAsync("/Messages");
        var titles = first.QuerySelectorAll(".message-item a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(20, titles.Count);
        Assert.Equal("消息23", titles[0]);
        var second = await client.GetDocumentAsync("/Messages?pageNumber=2");
        var rest = second.QuerySelectorAll(".message-item a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["消息03", "消息02", "消息01", "消息00", "消息24"], rest);

        using var marked = await client.SubmitAsync("/Messages", new Dictionary<string, string>(), "form[action*=MarkAllRead]");

        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        Assert.All(await host.MessagesOfAsync(user), m => Assert.NotNull(m.ReadAt));
        var home = await client.GetDocumentAsync("/");
        Assert.DoesNotContain("未读", home.GetElementById("site-messages")!.TextContent, StringComparison.Ordinal);
    }
}
