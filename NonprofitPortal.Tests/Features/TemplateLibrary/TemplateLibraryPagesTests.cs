using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using NonprofitPortal.Components.Editing;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Drafts;
using NonprofitPortal.Features.Drafts.Pages;
using NonprofitPortal.Features.Layouts;
using NonprofitPortal.Features.Media;
using NonprofitPortal.Features.Nonprofits;
using NonprofitPortal.Features.TemplateLibrary;
using NonprofitPortal.Features.TemplateLibrary.Pages;
using NonprofitPortal.Tests.Components;
using NonprofitPortal.Tests.Integration;

namespace NonprofitPortal.Tests.Features.TemplateLibrary;

/// <summary>The Templates page and the two template dialogs, against the real services of a real host (SQLite), rendered by bUnit.</summary>
[Collection(SqliteHostCollection.Name)]
public sealed class TemplateLibraryPagesTests : MudTestContext
{
    private static readonly ClaimsPrincipal Admin = new(new ClaimsIdentity([new Claim(ClaimTypes.Name, PortalHost.AdminEmail)], "test"));
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly PortalHost _host;

    public TemplateLibraryPagesTests(SqliteHost fixture)
    {
        _host = fixture.Host;
        var services = new[]
        {
            typeof(TemplateLibraryService), typeof(DraftService), typeof(DraftRecipients), typeof(DraftPreviewer), typeof(LayoutService), typeof(NonprofitDirectory),
            typeof(UserAdministration), typeof(MediaService), typeof(IOptions<CampaignsOptions>), typeof(TimeProvider),
        };
        foreach (var service in services)
        {
            Services.AddSingleton(service, _host.Services.GetRequiredService(service));
        }

        JSInterop.SetupModule("./js/draft-editor.js");
        AddAuthorization().SetAuthorized(PortalHost.AdminEmail).SetPolicies(Permissions.DraftsView, Permissions.DraftsEdit);
    }

    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    private TemplateLibraryService Templates => _host.Services.GetRequiredService<TemplateLibraryService>();

    [Fact]
    public void The_page_lists_the_templates_with_who_changed_them_and_says_when_a_search_finds_none()
    {
        var page = RenderWithProviders<TemplatesList>();
        page.WaitForAssertion(() => Assert.Contains("Reporting reminder", page.Markup), Patience);
        Assert.Contains("system, ", page.Markup);

        page.Find("input").Input("no template is called this");

        page.WaitForAssertion(() => Assert.Contains("No template matches “no template is called this”.", page.Find("[data-testid=templates-empty]").TextContent), Patience);
    }

    [Fact]
    public async Task Deleting_a_template_asks_first()
    {
        var template = await AddTemplateAsync("Delete me");
        var page = RenderWithProviders<TemplatesList>();
        page.WaitForAssertion(() => Assert.Contains(template.Name, page.Markup), Patience);

        page.Find($"button[aria-label='Delete {template.Name}']").Click();
        page.WaitForAssertion(() => Assert.Contains("Delete this template?", page.Markup), Patience);
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").Click();

        page.WaitForAssertion(() => Assert.DoesNotContain(template.Name, page.Markup), Patience);
        Assert.Null(await Templates.FindAsync(template.Id, Cancel));
    }

    [Fact]
    public async Task Renaming_a_template_keeps_what_it_holds()
    {
        var template = await AddTemplateAsync("Rename me");
        var page = RenderWithProviders<TemplatesList>();
        page.WaitForAssertion(() => Assert.Contains(template.Name, page.Markup), Patience);

        page.Find($"button[aria-label='Rename {template.Name}']").Click();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".mud-dialog input").Count), Patience);
        page.FindAll(".mud-dialog input")[0].Input($"{template.Name} renamed");
        page.Find("#template-details-form").Submit();

        page.WaitForAssertion(() => Assert.Contains($"{template.Name} renamed", page.Find("table").TextContent), Patience);
        var renamed = await Templates.FindAsync(template.Id, Cancel);
        Assert.Equal(($"{template.Name} renamed", template.BodyTemplate), (renamed!.Name, renamed.BodyTemplate));
    }

    [Fact]
    public async Task Save_as_template_in_the_editor_keeps_the_draft_as_a_template_under_the_name_given()
    {
        var draft = (await _host.Services.GetRequiredService<DraftService>().CreateAsync(
            new DraftInput("Harvest letter", "Harvest news for {{ nonprofit.name }}", "<p>The harvest is in.</p>", RecipientSelection.None, ["officer@foundation.test"]),
            Admin,
            Cancel)).Value!;
        var name = $"Harvest {Guid.NewGuid():N}";
        var editor = RenderEditor(draft);
        editor.WaitForElement("#subject-template", Patience);

        editor.FindAll("button").Single(b => b.TextContent.Trim() == "Save as template").Click();
        editor.WaitForAssertion(() => Assert.Equal(2, editor.FindAll(".mud-dialog input").Count), Patience);
        Assert.Equal("Harvest letter", editor.FindAll(".mud-dialog input")[0].GetAttribute("value"));
        editor.FindAll(".mud-dialog input")[0].Input(name);
        editor.Find("#template-details-form").Submit();

        editor.WaitForAssertion(() => Assert.Contains($"Saved as the template “{name}”", editor.Markup), Patience);
        var saved = await Templates.FindAsync((await Templates.ListAsync(name, Cancel)).Single().Id, Cancel);
        Assert.Equal(("Harvest news for {{ nonprofit.name }}", "<p>The harvest is in.</p>"), (saved!.SubjectTemplate, saved.BodyTemplate));
        Assert.Equal(["officer@foundation.test"], saved.Cc);
    }

    [Fact]
    public async Task Save_as_template_says_what_is_wrong_and_stays_open()
    {
        var taken = await AddTemplateAsync("Taken name");
        var draft = (await _host.Services.GetRequiredService<DraftService>().CreateAsync(
            new DraftInput("Clash", "s", "<p>b</p>", RecipientSelection.None, []), Admin, Cancel)).Value!;
        var editor = RenderEditor(draft);
        editor.WaitForElement("#subject-template", Patience);

        editor.FindAll("button").Single(b => b.TextContent.Trim() == "Save as template").Click();
        editor.WaitForAssertion(() => Assert.Equal(2, editor.FindAll(".mud-dialog input").Count), Patience);
        editor.FindAll(".mud-dialog input")[0].Input(taken.Name);
        editor.Find("#template-details-form").Submit();

        editor.WaitForAssertion(() => Assert.Contains("There is already a template called", editor.Find("[data-testid=template-problem]").TextContent), Patience);
        Assert.Single(await Templates.ListAsync(taken.Name, Cancel));
    }

    [Fact]
    public async Task Save_as_template_under_a_taken_name_offers_to_replace_that_template_and_replaces_only_its_content()
    {
        var taken = await AddTemplateAsync("Replace me");
        var draft = (await _host.Services.GetRequiredService<DraftService>().CreateAsync(
            new DraftInput("Newer letter", "Newer subject", "<p>Newer body</p>", RecipientSelection.None, ["board@foundation.test"]), Admin, Cancel)).Value!;
        var editor = RenderEditor(draft);
        editor.WaitForElement("#subject-template", Patience);

        editor.FindAll("button").Single(b => b.TextContent.Trim() == "Save as template").Click();
        editor.WaitForAssertion(() => Assert.Equal(2, editor.FindAll(".mud-dialog input").Count), Patience);
        editor.FindAll(".mud-dialog input")[0].Input(taken.Name.ToUpperInvariant());
        editor.Find("#template-details-form").Submit();
        editor.WaitForElement("[data-testid=template-replace]", Patience).Click();

        editor.WaitForAssertion(() => Assert.Contains("Saved as the template", editor.Markup), Patience);
        var replaced = await Templates.FindAsync(taken.Id, Cancel);
        Assert.Equal(("Newer subject", "<p>Newer body</p>"), (replaced!.SubjectTemplate, replaced.BodyTemplate));
        Assert.Equal(["board@foundation.test"], replaced.Cc);
        Assert.Single(await Templates.ListAsync(taken.Name, Cancel));
    }

    [Fact]
    public async Task New_from_template_on_the_drafts_list_picks_with_enter_and_opens_the_new_draft()
    {
        var template = await AddTemplateAsync("Pick me");
        var navigation = Services.GetRequiredService<NavigationManager>();
        var list = RenderWithProviders<DraftsList>();
        list.WaitForAssertion(() => Assert.Contains("New from template", list.Markup), Patience);

        list.FindAll("button").Single(b => b.TextContent.Trim() == "New from template").Click();
        list.WaitForAssertion(() => Assert.NotEmpty(list.FindAll("[data-testid=template-choice]")), Patience);
        list.Find(".mud-dialog input").Input(template.Name);
        list.WaitForAssertion(() => Assert.Single(list.FindAll("[data-testid=template-choice]")), Patience);
        list.Find(".mud-dialog form").Submit();

        list.WaitForAssertion(() => Assert.Matches(@"/drafts/\d+$", navigation.Uri), Patience);
        var draft = await _host.Services.GetRequiredService<DraftService>().FindAsync(long.Parse(navigation.Uri.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture), Cancel);
        Assert.Equal((template.Name, template.SubjectTemplate, template.BodyTemplate), (draft!.Name, draft.SubjectTemplate, draft.BodyTemplate));
    }

    /// <summary>The editor for <paramref name="draft"/>, its browser editor holding the draft's body as the page saves it.</summary>
    private IRenderedComponent<IComponent> RenderEditor(DraftDetails draft)
    {
        JSInterop.SetupModule(EmailEditorScripts.ModulePath).SetupModule(invocation => invocation.Identifier == "create").Setup<string>("flush").SetResult(draft.BodyTemplate);
        return RenderWithProviders(builder =>
        {
            builder.OpenComponent<DraftEditor>(0);
            builder.AddAttribute(1, nameof(DraftEditor.Id), (long?)draft.Id);
            builder.CloseComponent();
        });
    }

    private async Task<TemplateDetails> AddTemplateAsync(string name)
    {
        var input = new TemplateInput($"{name} {Guid.NewGuid():N}", "For a test", "Hello {{ nonprofit.name }}", "<p>A body</p>", LayoutChoice.Default, [], []);
        return (await Templates.CreateAsync(input, Admin, Cancel)).Value!;
    }
}
