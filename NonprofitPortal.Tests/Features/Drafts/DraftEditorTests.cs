using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using NonprofitPortal.Components.Editing;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Drafts;
using NonprofitPortal.Features.Drafts.History;
using NonprofitPortal.Features.Drafts.Pages;
using NonprofitPortal.Features.Layouts;
using NonprofitPortal.Features.Media;
using NonprofitPortal.Features.Nonprofits;
using NonprofitPortal.Features.TemplateLibrary;
using NonprofitPortal.Tests.Components;
using NonprofitPortal.Tests.Integration;

namespace NonprofitPortal.Tests.Features.Drafts;

/// <summary>The draft editor against the real services of a real host (SQLite), rendered by bUnit.</summary>
[Collection(SqliteHostCollection.Name)]
public sealed class DraftEditorTests : MudTestContext
{
    private readonly PortalHost _host;

    public DraftEditorTests(SqliteHost fixture)
    {
        _host = fixture.Host;
        foreach (var service in new[] { typeof(TemplateLibraryService), typeof(DraftService), typeof(DraftHistoryService), typeof(DraftRecipients), typeof(DraftPreviewer), typeof(LayoutService), typeof(NonprofitDirectory), typeof(UserAdministration), typeof(MediaService), typeof(IOptions<CampaignsOptions>), typeof(TimeProvider) })
        {
            Services.AddSingleton(service, _host.Services.GetRequiredService(service));
        }

        JSInterop.SetupModule("./js/draft-editor.js");
        AddAuthorization().SetAuthorized(PortalHost.AdminEmail).SetPolicies(Permissions.DraftsView, Permissions.DraftsEdit);
    }

    [Fact]
    public void The_preview_follows_the_template_as_it_is_typed()
    {
        var editor = RenderWithProviders<DraftEditor>();
        editor.WaitForElement("#subject-template");

        editor.Find("#subject-template").Input("News for {{ nonprofit.name }}");

        editor.WaitForAssertion(() => Assert.Equal("News for Example Nonprofit", editor.Find("[data-testid=preview-subject]").TextContent));
    }

    [Fact]
    public void A_template_error_shows_its_line_and_column()
    {
        var editor = RenderWithProviders<DraftEditor>();
        editor.WaitForElement("#subject-template");

        TypeBody(editor, "<p>Hello</p>\n<p>{{ nonprofit.nmae }}</p>");

        editor.WaitForAssertion(() =>
        {
            var errors = editor.Find("[data-testid=template-errors]").TextContent;
            Assert.Contains("Body, line 2, column", errors);
            Assert.Contains("nmae", errors);
        });
    }

    [Fact]
    public async Task Each_cc_address_says_how_many_copies_it_will_receive()
    {
        var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, PortalHost.AdminEmail)], "test"));
        var editor = _host.Services.GetRequiredService<NonprofitEditor>();
        foreach (var i in Enumerable.Range(1, 3))
        {
            await editor.CreateAsync(new NonprofitInput($"Copies {i}", "Road", $"c{i}@copies-editor.org", ["copies-editor"]), admin, Xunit.TestContext.Current.CancellationToken);
        }

        var draft = await _host.Services.GetRequiredService<DraftService>().CreateAsync(
            new DraftInput("Copies", "s", "b", new RecipientSelection(false, [], new DirectoryFilter(Tag: "copies-editor")), ["officer@foundation.test"]),
            admin,
            Xunit.TestContext.Current.CancellationToken);

        var page = RenderWithProviders(builder =>
        {
            builder.OpenComponent<DraftEditor>(0);
            builder.AddAttribute(1, nameof(DraftEditor.Id), (long?)draft.Value!.Id);
            builder.CloseComponent();
        });

        page.WaitForAssertion(() => Assert.Contains("officer@foundation.test will receive 3 copies (one per recipient).", page.Find("[data-testid=cc-copies]").TextContent));
        Assert.Contains("3 recipient(s)", page.Find("[data-testid=recipient-count]").TextContent);
    }

    [Fact]
    public void Leaving_with_unsaved_changes_asks_first_and_stays_when_told_to()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        var editor = RenderWithProviders<DraftEditor>();
        editor.WaitForElement("#subject-template");
        TypeBody(editor, "<p>Not saved yet</p>");

        editor.InvokeAsync(() => navigation.NavigateTo("/nonprofits"));

        editor.WaitForAssertion(() => Assert.Contains("Leave without saving?", editor.Markup));
        editor.FindAll("button").Single(b => b.TextContent.Trim() == "Stay").Click();
        editor.WaitForAssertion(() => Assert.DoesNotContain("Leave without saving?", editor.Markup));
        Assert.DoesNotContain("/nonprofits", navigation.Uri);
    }

    [Fact]
    public async Task The_history_shows_a_versions_diff_and_restoring_it_puts_its_content_back_on_screen()
    {
        var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, PortalHost.AdminEmail)], "test"));
        var drafts = _host.Services.GetRequiredService<DraftService>();
        var draft = (await drafts.CreateAsync(new DraftInput("History panel", "Old subject", "<p>b</p>", RecipientSelection.None, []), admin, Xunit.TestContext.Current.CancellationToken)).Value!;
        await drafts.UpdateAsync(draft.Id, new DraftInput("History panel", "New subject", "<p>b</p>", RecipientSelection.None, []), null, admin, Xunit.TestContext.Current.CancellationToken);
        // Opening the history takes the body editor's last keys first: the browser's editor holds the body as loaded.
        JSInterop.SetupModule(EmailEditorScripts.ModulePath).SetupModule(invocation => invocation.Identifier == "create").Setup<string>("flush").SetResult("<p>b</p>");
        var page = RenderWithProviders(builder =>
        {
            builder.OpenComponent<DraftEditor>(0);
            builder.AddAttribute(1, nameof(DraftEditor.Id), (long?)draft.Id);
            builder.CloseComponent();
        });

        page.WaitForElement("[data-testid=open-history]").Click();
        page.WaitForElement("[data-testid=version-1]").Click();
        page.WaitForAssertion(() =>
        {
            var subject = page.Find("[data-testid=diff-subject]").TextContent;
            Assert.Contains("removed: Old subject", subject);
            Assert.Contains("added: New subject", subject);
        });
        page.Find("[data-testid=restore-version]").Click();
        page.WaitForAssertion(() => Assert.Contains("Restore version 1?", page.Markup));
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Restore").Click();

        page.WaitForAssertion(() => Assert.Equal("Old subject", page.Find("#subject-template").GetAttribute("value")));
        var versions = await _host.Services.GetRequiredService<DraftHistoryService>().ListAsync(draft.Id, Xunit.TestContext.Current.CancellationToken);
        Assert.Equal((3, DraftVersionKind.Restored, 1), (versions![0].Number, versions[0].Kind, versions[0].RestoredFrom));
    }

    /// <summary>What the browser's editor reports after someone typed the body.</summary>
    private static void TypeBody(IRenderedComponent<IComponent> page, string html)
    {
        var body = page.FindComponent<EmailBodyEditor>();
        body.InvokeAsync(() => body.Instance.ChangedAsync(html));
    }
}
