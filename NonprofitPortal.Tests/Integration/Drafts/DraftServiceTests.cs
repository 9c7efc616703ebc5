using System.Security.Claims;
using NonprofitPortal.Features.Drafts;
using NonprofitPortal.Features.Nonprofits;

namespace NonprofitPortal.Tests.Integration.Drafts;

[Collection(SqliteHostCollection.Name)]
public sealed class DraftServiceTests(SqliteHost fixture)
{
    private static readonly ClaimsPrincipal Admin = new(new ClaimsIdentity([new Claim(ClaimTypes.Name, PortalHost.AdminEmail)], "test"));
    private readonly PortalHost _host = fixture.Host;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Duplicating_a_draft_copies_everything_under_a_new_name()
    {
        var drafts = _host.Services.GetRequiredService<DraftService>();
        var original = (await drafts.CreateAsync(
            new DraftInput("Original", "Subject {{ today }}", "<p>Body</p>", new RecipientSelection(false, [], new DirectoryFilter(Tag: "dup-tag")), ["cc@foundation.test"]),
            Admin,
            Cancel)).Value!;

        var copy = await drafts.DuplicateAsync(original.Id, Admin, Cancel);

        Assert.True(copy.Succeeded);
        Assert.NotEqual(original.Id, copy.Value!.Id);
        Assert.Equal("Copy of Original", copy.Value.Name);
        Assert.Equal((original.SubjectTemplate, original.BodyTemplate, original.Recipients.Filter.Tag), (copy.Value.SubjectTemplate, copy.Value.BodyTemplate, copy.Value.Recipients.Filter.Tag));
        Assert.Equal(original.Cc, copy.Value.Cc);
    }

    [Fact]
    public async Task A_test_send_goes_to_the_sender_alone_rendered_for_the_chosen_nonprofit()
    {
        var nonprofit = (await _host.Services.GetRequiredService<NonprofitEditor>().CreateAsync(
            new NonprofitInput("Test Send Trust", "Road", "trust@test-send.org", []), Admin, Cancel)).Value!;
        var previewer = _host.Services.GetRequiredService<DraftPreviewer>();
        var sender = new NonprofitPortal.Features.Drafts.Templates.SenderValues("Grace Officer", "grace@foundation.test");

        var sent = await previewer.SendTestAsync("Hello {{ nonprofit.name }}", "<p>For {{ nonprofit.email }}</p>", null, nonprofit, sender, Cancel);

        Assert.True(sent.Succeeded);
        var mail = Directory.GetFiles(_host.PickupDirectory, "*.eml")
            .Select(path => MimeKit.MimeMessage.Load(path, Cancel))
            .Single(message => message.Subject == "[Test] Hello Test Send Trust");
        Assert.Equal(["grace@foundation.test"], mail.To.Mailboxes.Select(m => m.Address));
        Assert.Contains("For trust@test-send.org", mail.TextBody);
    }
}
