using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MudBlazor;
using NonprofitPortal.Components.Editing;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Campaigns.Pages;
using NonprofitPortal.Features.Drafts;
using NonprofitPortal.Features.Drafts.Pages;
using NonprofitPortal.Features.Layouts;
using NonprofitPortal.Features.Media;
using NonprofitPortal.Features.Nonprofits;
using NonprofitPortal.Features.TemplateLibrary;
using NonprofitPortal.Tests.Components;
using NonprofitPortal.Tests.Infrastructure;
using NonprofitPortal.Tests.Integration;

namespace NonprofitPortal.Tests.Features.Campaigns;

/// <summary>Sending a draft from its editor, against the real services of a real host (SQLite), rendered by bUnit.</summary>
[Collection(SqliteHostCollection.Name)]
public sealed class SendDraftDialogTests : MudTestContext
{
    private static readonly ClaimsPrincipal Admin = new(new ClaimsIdentity([new Claim(ClaimTypes.Name, PortalHost.AdminEmail)], "test"));
    private readonly PortalHost _host;
    private readonly BunitAuthorizationContext _authorization;

    public SendDraftDialogTests(SqliteHost fixture)
    {
        _host = fixture.Host;
        var services = new[]
        {
            typeof(TemplateLibraryService), typeof(DraftService), typeof(DraftRecipients), typeof(DraftPreviewer), typeof(LayoutService), typeof(NonprofitDirectory), typeof(UserAdministration), typeof(CampaignLauncher),
            typeof(MediaService), typeof(IOptions<CampaignsOptions>), typeof(TimeProvider),
        };
        foreach (var service in services)
        {
            Services.AddSingleton(service, _host.Services.GetRequiredService(service));
        }

        JSInterop.SetupModule("./js/draft-editor.js");
        _authorization = AddAuthorization();
        _authorization.SetAuthorized(PortalHost.AdminEmail).SetPolicies(Permissions.DraftsView, Permissions.DraftsEdit, Permissions.CampaignsSend);
    }

    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    /// <summary>The host's launcher as a host with <c>Campaigns:RequireApproval</c> makes it: the dialog asks it what a launch would do.</summary>
    private void RequireApproval() =>
        Services.AddSingleton(ActivatorUtilities.CreateInstance<CampaignLauncher>(_host.Services, Options.Create(new CampaignsOptions { RequireApproval = true })));

    [Fact]
    public async Task The_dialog_counts_recipients_the_opted_out_left_out_the_cc_copies_and_every_message()
    {
        var nonprofits = await AddNonprofitsAsync("dialog-count", 4);
        await _host.Services.GetRequiredService<NonprofitEditor>().SetOptedOutAsync(nonprofits[0], optedOut: true, Admin, Cancel);
        var draft = await AddDraftAsync("dialog-count", "<p>Hello {{ nonprofit.name }}</p>", ["officer@foundation.test", "board@foundation.test"]);

        var root = await OpenDialogAsync(draft);

        root.WaitForAssertion(() => Assert.Equal("3", Text(root, "send-recipients")));
        Assert.Equal("1", Text(root, "send-opted-out"));
        Assert.Equal("2", Text(root, "send-cc"));
        Assert.Equal("Each CC address receives 3 copies, one per recipient.", Text(root, "send-cc-copies"));
        Assert.Equal("9", Text(root, "send-total"));
        Assert.Equal("Send 9 messages", Text(root, "send-confirm"));
    }

    [Fact]
    public async Task Suppressed_nonprofits_are_left_out_of_the_next_launch_and_the_dialog_says_why()
    {
        var nonprofits = await AddNonprofitsAsync("dialog-suppressed", 4);
        var suppression = _host.Services.GetRequiredService<NonprofitSuppression>();
        await suppression.SuppressAsync(nonprofits[0], SuppressionReasons.HardBounce, Actor.System, "550 5.1.1 User unknown", Cancel);
        await suppression.SuppressAsync(nonprofits[1], SuppressionReasons.SoftBounces, Actor.System, "452 4.2.2 Mailbox full", Cancel);
        var draft = await AddDraftAsync("dialog-suppressed", "<p>Hello {{ nonprofit.name }}</p>", []);

        var root = await OpenDialogAsync(draft);
        root.WaitForAssertion(() => Assert.Equal("2", Text(root, "send-recipients")));
        var why = Text(root, "send-suppressed-why");
        var suppressedCount = Text(root, "send-suppressed");
        await root.InvokeAsync(() => root.Find("[data-testid=send-confirm]").Click());
        var campaign = await Eventually.GetAsync(async () =>
        {
            await using var db = await _host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Cancel);
            return await db.Campaigns.SingleOrDefaultAsync(c => c.DraftId == draft, Cancel);
        }, "the launched campaign");

        Assert.Equal("2", suppressedCount);
        Assert.Equal("1 address does not exist (hard bounce); 1 mail kept bouncing (soft bounces). Allow them again from their page in the directory.", why);
        await using var db = await _host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Cancel);
        var recipients = await db.EmailSends.Where(s => s.CampaignId == campaign.Id).Select(s => s.NonprofitId!.Value).OrderBy(id => id).ToListAsync(Cancel);
        Assert.Equal(nonprofits[2..], recipients);
    }

    [Fact]
    public async Task With_approval_required_the_dialog_tells_a_sender_without_the_permission_that_it_will_wait()
    {
        RequireApproval();
        await AddNonprofitsAsync("dialog-approval", 2);
        var draft = await AddDraftAsync("dialog-approval", "<p>Hello {{ nonprofit.name }}</p>", []);

        var root = await OpenDialogAsync(draft);

        root.WaitForAssertion(() => Assert.Equal("2", Text(root, "send-recipients")));
        Assert.StartsWith("This campaign will wait for approval", Text(root, "send-awaits-approval"), StringComparison.Ordinal);
        Assert.Equal("Submit 2 messages for approval", Text(root, "send-confirm"));
    }

    [Fact]
    public async Task With_approval_required_an_approver_is_not_told_to_wait()
    {
        RequireApproval();
        _authorization.SetClaims(new Claim(Permissions.ClaimType, Permissions.CampaignsApprove));
        await AddNonprofitsAsync("dialog-approver", 2);
        var draft = await AddDraftAsync("dialog-approver", "<p>Hello {{ nonprofit.name }}</p>", []);

        var root = await OpenDialogAsync(draft);

        root.WaitForAssertion(() => Assert.Equal("2", Text(root, "send-recipients")));
        Assert.Empty(root.FindAll("[data-testid=send-awaits-approval]"));
        Assert.Equal("Send 2 messages", Text(root, "send-confirm"));
    }

    [Fact]
    public async Task The_dialog_says_nothing_is_tracked_by_default_and_a_campaign_sent_with_clicks_on_tracks_clicks_only()
    {
        await AddNonprofitsAsync("dialog-tracking", 1);
        var draft = await AddDraftAsync("dialog-tracking", "<p>Read <a href=\"https://grants.example.org/\">this</a></p>", []);

        var root = await OpenDialogAsync(draft);
        root.WaitForAssertion(() => Assert.Equal("1", Text(root, "send-recipients")));
        var before = Text(root, "send-tracking");
        var clicks = root.Find("[data-testid=send-track-clicks]");
        await root.InvokeAsync(() => (clicks.TagName == "INPUT" ? clicks : clicks.QuerySelector("input")!).Change(true));
        var after = Text(root, "send-tracking");
        await root.InvokeAsync(() => root.Find("[data-testid=send-confirm]").Click());
        var campaign = await Eventually.GetAsync(async () =>
        {
            await using var db = await _host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Cancel);
            return await db.Campaigns.SingleOrDefaultAsync(c => c.DraftId == draft, Cancel);
        }, "the launched campaign");

        Assert.Equal("Nothing is tracked: neither opens nor clicks.", before);
        Assert.Equal("Clicks are tracked, opens are not.", after);
        Assert.Equal((false, true), (campaign.TrackOpens, campaign.TrackClicks));
        Assert.Contains("tracking.link 0 'https://grants.example.org/'", campaign.BodyTemplate, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_that_reaches_no_one_cannot_be_sent()
    {
        var nonprofits = await AddNonprofitsAsync("dialog-nobody", 1);
        await _host.Services.GetRequiredService<NonprofitEditor>().SetOptedOutAsync(nonprofits[0], optedOut: true, Admin, Cancel);
        var draft = await AddDraftAsync("dialog-nobody", "<p>Hello</p>", []);

        var root = await OpenDialogAsync(draft);

        root.WaitForAssertion(() => Assert.Equal("0", Text(root, "send-recipients")));
        Assert.True(root.Find("[data-testid=send-confirm]").HasAttribute("disabled"));
        Assert.Contains("No one would receive it", root.Markup);
    }

    [Fact]
    public async Task A_template_error_is_shown_in_the_dialog_with_its_line_and_column_and_nothing_is_sent()
    {
        await AddNonprofitsAsync("dialog-error", 2);
        var draft = await AddDraftAsync("dialog-error", "<p>Hello</p>\n<p>{{ nonprofit.nmae }}</p>", []);
        var root = await OpenDialogAsync(draft);
        root.WaitForAssertion(() => Assert.Equal("Send 2 messages", Text(root, "send-confirm")));

        root.Find("[data-testid=send-confirm]").Click();

        root.WaitForAssertion(() => Assert.StartsWith("Body: Line 2, column", Text(root, "send-problems")));
        Assert.Contains("nmae", Text(root, "send-problems"));
        Assert.Equal(0, await CampaignsOfAsync(draft));
    }

    [Fact]
    public async Task Send_saves_the_changes_first_then_launches_one_campaign_and_opens_it()
    {
        await AddNonprofitsAsync("editor-send", 2);
        var draft = await AddDraftAsync("editor-send", "<p>Hello {{ nonprofit.name }}</p>", ["officer@foundation.test"]);
        // Saving takes the body editor's last keys first: the browser's editor holds the body as loaded.
        JSInterop.SetupModule(EmailEditorScripts.ModulePath).SetupModule(invocation => invocation.Identifier == "create")
            .Setup<string>("flush").SetResult("<p>Hello {{ nonprofit.name }}</p>");
        var navigation = Services.GetRequiredService<NavigationManager>();
        var editor = RenderEditor(draft);
        editor.WaitForElement("#subject-template").Input("Changed just before sending");

        // The preview re-renders the editor as it follows the change: find and click in one step.
        await editor.InvokeAsync(() => editor.FindAll("button").Single(b => b.TextContent.Trim() == "Send…").Click());
        editor.WaitForAssertion(() => Assert.Equal("Send 4 messages", Text(editor, "send-confirm")));
        await editor.InvokeAsync(() => editor.Find("[data-testid=send-confirm]").Click());

        editor.WaitForAssertion(() => Assert.Matches(@"/campaigns/\d+$", navigation.Uri));
        await using var db = await _host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Cancel);
        var campaign = await db.Campaigns.SingleAsync(c => c.DraftId == draft, Cancel);
        Assert.EndsWith($"/campaigns/{campaign.Id}", navigation.Uri);
        Assert.Equal(("Changed just before sending", 2), (campaign.SubjectTemplate, campaign.Total));
    }

    [Fact]
    public async Task Sending_later_shows_the_browser_time_zone_and_schedules_the_campaign_for_the_chosen_time()
    {
        await AddNonprofitsAsync("dialog-later", 2);
        var draft = await AddDraftAsync("dialog-later", "<p>Hello</p>", []);
        JSInterop.SetupModule("./js/time-zone.js").Setup<BrowserTimeZone.Reported?>("timeZone").SetResult(new BrowserTimeZone.Reported("Europe/Paris", 60));
        var root = await OpenDialogAsync(draft);
        root.WaitForAssertion(() => Assert.Equal("Send 2 messages", Text(root, "send-confirm")));

        await root.InvokeAsync(() => root.Find("input[data-testid=send-later], [data-testid=send-later] input").Change(true));
        root.WaitForAssertion(() => Assert.Equal("Schedule 2 messages", Text(root, "send-confirm")));
        var zone = Text(root, "send-at-zone");
        var when = Text(root, "send-when");
        await root.InvokeAsync(() => root.Find("[data-testid=send-confirm]").Click());
        var campaign = await Eventually.GetAsync(async () =>
        {
            await using var db = await _host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Cancel);
            return await db.Campaigns.SingleOrDefaultAsync(c => c.DraftId == draft, Cancel);
        }, "the scheduled campaign");

        Assert.Matches(@"^Your time zone: Europe/Paris \(UTC\+0[12]:00\)$", zone);
        Assert.Matches(@"^Sending starts on \d{4}-\d{2}-\d{2} at \d{2}:00 \(Europe/Paris \(UTC\+0[12]:00\)\)\. Until then you can cancel it", when);
        Assert.Equal(CampaignStatus.Scheduled, campaign.Status);
        var paris = TimeZoneInfo.ConvertTime(campaign.ScheduledAt!.Value, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));
        Assert.Equal((0, 0), (paris.Minute, paris.Second));
        Assert.InRange(campaign.ScheduledAt.Value - DateTimeOffset.UtcNow, TimeSpan.Zero, TimeSpan.FromHours(1));
        Assert.Contains($"at {paris:HH:mm}", when);
    }

    [Fact]
    public async Task Without_the_send_permission_the_editor_offers_no_send_button()
    {
        _authorization.SetPolicies(Permissions.DraftsView, Permissions.DraftsEdit);
        var draft = await AddDraftAsync("editor-no-send", "<p>Hello</p>", []);

        var editor = RenderEditor(draft);

        editor.WaitForElement("#subject-template");
        Assert.Contains(editor.FindAll("button"), b => b.TextContent.Trim() == "Save");
        Assert.DoesNotContain(editor.FindAll("button"), b => b.TextContent.Trim() == "Send…");
    }

    private async Task<long[]> AddNonprofitsAsync(string tag, int count)
    {
        var editor = _host.Services.GetRequiredService<NonprofitEditor>();
        var ids = new long[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = (await editor.CreateAsync(new NonprofitInput($"{tag} {i}", "Road", $"n{i}@{tag}.org", [tag]), Admin, Cancel)).Value!.Id;
        }

        return ids;
    }

    private async Task<long> AddDraftAsync(string tag, string body, IReadOnlyList<string> cc)
    {
        var selection = new RecipientSelection(false, [], new DirectoryFilter(Tag: tag));
        var draft = await _host.Services.GetRequiredService<DraftService>().CreateAsync(new DraftInput($"Draft {tag}", "News", body, selection, cc), Admin, Cancel);
        return draft.Value!.Id;
    }

    private async Task<int> CampaignsOfAsync(long draftId)
    {
        await using var db = await _host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Cancel);
        return await db.Campaigns.CountAsync(c => c.DraftId == draftId, Cancel);
    }

    private async Task<IRenderedComponent<IComponent>> OpenDialogAsync(long draftId)
    {
        var root = RenderWithProviders<ContentPlaceholder>();
        var parameters = new DialogParameters<SendDraftDialog> { { d => d.DraftId, draftId } };
        await root.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<SendDraftDialog>("Send", parameters));
        return root;
    }

    private IRenderedComponent<IComponent> RenderEditor(long draftId) => RenderWithProviders(builder =>
    {
        builder.OpenComponent<DraftEditor>(0);
        builder.AddAttribute(1, nameof(DraftEditor.Id), (long?)draftId);
        builder.CloseComponent();
    });

    private static string Text(IRenderedComponent<IComponent> root, string testId) => root.Find($"[data-testid={testId}]").TextContent.Trim();
}
