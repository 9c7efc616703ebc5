using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Nonprofits;
using NonprofitPortal.Features.Nonprofits.DataRequests;
using NonprofitPortal.Features.Nonprofits.Pages;
using NonprofitPortal.Tests.Components;
using NonprofitPortal.Tests.Integration;

namespace NonprofitPortal.Tests.Features.Nonprofits;

/// <summary>The add/edit dialog against the real services of a real host (SQLite), rendered by bUnit.</summary>
[Collection(SqliteHostCollection.Name)]
public sealed class NonprofitDialogTests : MudTestContext
{
    private readonly PortalHost _host;

    public NonprofitDialogTests(SqliteHost fixture)
    {
        _host = fixture.Host;
        Services.AddSingleton(_host.Services.GetRequiredService<NonprofitEditor>());
        Services.AddSingleton(_host.Services.GetRequiredService<NonprofitDirectory>());
        AddAuthorization().SetAuthorized(PortalHost.AdminEmail).SetPolicies(Permissions.NonprofitsView, Permissions.NonprofitsEdit);
    }

    [Fact]
    public async Task Typing_shows_each_problem_as_it_appears_and_clears_it_when_fixed()
    {
        var root = await OpenAsync(null);

        Input(root, "Email", "not-an-email");
        root.WaitForAssertion(() => Assert.Contains("is not a valid email address", root.Markup));
        Assert.DoesNotContain("The name is required.", root.Markup);

        Input(root, "Email", "fixed@dialog-test.org");
        root.WaitForAssertion(() => Assert.DoesNotContain("is not a valid email address", root.Markup));
    }

    [Fact]
    public async Task Saving_an_empty_form_shows_every_required_field()
    {
        var root = await OpenAsync(null);

        root.Find("form#nonprofit-form").Submit();

        root.WaitForAssertion(() =>
        {
            Assert.Contains("The name is required.", root.Markup);
            Assert.Contains("The address is required.", root.Markup);
            Assert.Contains("The email is required.", root.Markup);
        });
    }

    [Fact]
    public async Task An_email_already_in_the_directory_is_refused_as_you_type_naming_its_nonprofit()
    {
        var editor = _host.Services.GetRequiredService<NonprofitEditor>();
        await editor.CreateAsync(new NonprofitInput("Lighthouse Trust", "Beacon Road", "keeper@lighthouse-dialog.org", []), Admin, Xunit.TestContext.Current.CancellationToken);
        var root = await OpenAsync(null);

        Input(root, "Email", "KEEPER@lighthouse-dialog.org");

        root.WaitForAssertion(() => Assert.Contains("keeper@lighthouse-dialog.org is already the email of Lighthouse Trust.", root.Markup));
    }

    [Fact]
    public async Task Editing_opens_with_the_current_values_and_a_stale_save_is_refused_with_a_clear_message()
    {
        var editor = _host.Services.GetRequiredService<NonprofitEditor>();
        var created = (await editor.CreateAsync(new NonprofitInput("Orchard Co-op", "Apple Lane", "fruit@orchard-dialog.org", ["food"]), Admin, Xunit.TestContext.Current.CancellationToken)).Value!;
        var root = await OpenAsync(created);
        root.WaitForAssertion(() => Assert.Equal("Orchard Co-op", root.Find("input[aria-label='Name'], .mud-input-control input").GetAttribute("value")));
        await editor.UpdateAsync(created.Id, new NonprofitInput("Orchard Co-op (renamed elsewhere)", "Apple Lane", "fruit@orchard-dialog.org", ["food"]), null, Admin, Xunit.TestContext.Current.CancellationToken);

        Input(root, "Name", "Orchard Cooperative");
        root.Find("form#nonprofit-form").Submit();

        root.WaitForAssertion(() => Assert.Contains("Someone else changed Orchard Co-op (renamed elsewhere)", root.Find("[data-testid=nonprofit-error]").TextContent));
    }

    [Fact]
    public async Task An_erased_address_is_explained_in_plain_words_and_cancelling_adds_nothing()
    {
        var erasedAt = await EraseAsync("Harbour Trust", "harbour@erased-dialog.org");
        var root = await OpenAsync(null);
        FillIn(root, "Harbour Trust", "harbour@erased-dialog.org");

        root.Find("form#nonprofit-form").Submit();

        root.WaitForAssertion(() => Assert.Contains(
            $"This address was erased at the nonprofit's request on {erasedAt.UtcDateTime:yyyy-MM-dd}", root.Find("[data-testid=nonprofit-erased]").TextContent));
        Assert.DoesNotContain("readdErased", root.Markup, StringComparison.Ordinal);
        Assert.Empty(root.FindAll("[data-testid=nonprofit-error]"));
        root.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        root.WaitForAssertion(() => Assert.Empty(root.FindAll("form#nonprofit-form")));
        Assert.Null(await _host.Services.GetRequiredService<NonprofitDirectory>().EmailHolderAsync("harbour@erased-dialog.org", null, Xunit.TestContext.Current.CancellationToken));
        Assert.Equal(erasedAt, await ErasedAtAsync("harbour@erased-dialog.org"));
    }

    [Fact]
    public async Task Add_it_again_saves_the_erased_address_forgets_the_erasure_and_audits_it()
    {
        await EraseAsync("Meadow Trust", "meadow@erased-dialog.org");
        var root = await OpenAsync(null);
        FillIn(root, "Meadow Trust Again", "meadow@erased-dialog.org");
        root.Find("form#nonprofit-form").Submit();
        root.WaitForElement("[data-testid=readd-erased]");

        root.Find("[data-testid=readd-erased]").Click();

        root.WaitForAssertion(() => Assert.Empty(root.FindAll("form#nonprofit-form")));
        var added = await _host.Services.GetRequiredService<NonprofitDirectory>().EmailHolderAsync("meadow@erased-dialog.org", null, Xunit.TestContext.Current.CancellationToken);
        Assert.Equal("Meadow Trust Again", added?.Name);
        Assert.Null(await ErasedAtAsync("meadow@erased-dialog.org"));
        await using var db = await DatabaseAsync();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == NonprofitAuditActions.ReaddedAfterErasure && e.Subject == "Meadow Trust Again", Xunit.TestContext.Current.CancellationToken));
    }

    private static ClaimsPrincipal Admin => new(new ClaimsIdentity([new Claim(ClaimTypes.Name, PortalHost.AdminEmail)], "test"));

    private static void Input(IRenderedComponent<IComponent> root, string label, string value)
    {
        var field = root.FindAll(".mud-input-control").Single(control => control.QuerySelector("label")?.TextContent.Trim() == label);
        var input = field.QuerySelector("input, textarea")!;
        root.InvokeAsync(() => input.Input(value)).GetAwaiter().GetResult();
    }

    private static void FillIn(IRenderedComponent<IComponent> root, string name, string email)
    {
        Input(root, "Name", name);
        Input(root, "Email", email);
        Input(root, "Address", "1 Quay Street");
    }

    /// <summary>Adds a nonprofit and erases it on request; returns when its address was erased.</summary>
    private async Task<DateTimeOffset> EraseAsync(string name, string email)
    {
        var cancel = Xunit.TestContext.Current.CancellationToken;
        var created = (await _host.Services.GetRequiredService<NonprofitEditor>().CreateAsync(new NonprofitInput(name, "1 Quay Street", email, []), Admin, cancel)).Value!;
        Assert.True((await _host.Services.GetRequiredService<NonprofitDataRequests>().EraseAsync(created.Id, Admin, cancel)).Succeeded);
        return (await ErasedAtAsync(email))!.Value;
    }

    private async Task<DateTimeOffset?> ErasedAtAsync(string email)
    {
        await using var db = await DatabaseAsync();
        var erased = await _host.Services.GetRequiredService<ErasedEmails>().ErasedAmongAsync(db, [email], Xunit.TestContext.Current.CancellationToken);
        return erased.TryGetValue(email, out var erasedAt) ? erasedAt : null;
    }

    private Task<AppDbContext> DatabaseAsync() =>
        _host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Xunit.TestContext.Current.CancellationToken);

    private async Task<IRenderedComponent<IComponent>> OpenAsync(NonprofitSummary? nonprofit)
    {
        var root = RenderWithProviders<ContentPlaceholder>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<NonprofitDialog> { { d => d.Nonprofit, nonprofit } };
        await root.InvokeAsync(() => dialogs.ShowAsync<NonprofitDialog>("Nonprofit", parameters));
        root.WaitForElement("form#nonprofit-form");
        return root;
    }
}
