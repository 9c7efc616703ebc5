using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Webhooks;
using NonprofitPortal.Features.Webhooks.Pages;
using NonprofitPortal.Tests.Components;
using NonprofitPortal.Tests.Integration;

namespace NonprofitPortal.Tests.Features.Webhooks;

/// <summary>The Webhooks page's dialog and the dashboard's warning, against the real services of a real host.</summary>
[Collection(SqliteHostCollection.Name)]
public sealed class WebhookDialogTests : MudTestContext
{
    private readonly PortalHost _host;

    public WebhookDialogTests(SqliteHost fixture)
    {
        _host = fixture.Host;
        Services.AddSingleton(fixture.Host.Services.GetRequiredService<WebhookService>());
        AddAuthorization().SetAuthorized(PortalHost.AdminEmail).SetPolicies(Permissions.WebhooksManage);
    }

    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_loopback_url_is_refused_in_the_dialog_with_the_reason()
    {
        var root = await OpenNewEndpointDialogAsync();

        root.Find("form#webhook-form input").Input("http://127.0.0.1:9000/hook");
        root.FindAll("form#webhook-form input[type=checkbox]")[0].Change(true);
        root.Find("form#webhook-form").Submit();

        root.WaitForAssertion(() => Assert.Contains("private network", root.Find("[data-testid=webhook-error]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_new_endpoint_shows_its_secret_once_with_the_warning()
    {
        var root = await OpenNewEndpointDialogAsync();
        var url = $"https://203.0.113.10/hooks/{Guid.NewGuid():N}";

        root.Find("form#webhook-form input").Input(url);
        var checkboxes = root.FindAll("form#webhook-form input[type=checkbox]");
        checkboxes[0].Change(true);
        checkboxes[^1].Change(false);
        root.Find("form#webhook-form").Submit();

        root.WaitForAssertion(() => Assert.Contains("you will not see it again", root.Find("[data-testid=secret-once]").TextContent, StringComparison.Ordinal));
        var secretField = root.Find("[data-testid=webhook-secret]");
        var secret = (secretField.TagName == "INPUT" ? secretField : secretField.QuerySelector("input")!).GetAttribute("value");
        Assert.Matches("^whsec_[0-9a-f]{64}$", secret);
        var saved = Assert.Single(await Services.GetRequiredService<WebhookService>().ListAsync(Cancel), e => e.Url == url);
        Assert.Equal([WebhookEventTypes.CampaignStarted], saved.Events);
        Assert.False(saved.Enabled);
        await DeleteAsync(saved.Id);
    }

    [Fact]
    public async Task The_dashboard_warns_about_an_endpoint_the_portal_disabled()
    {
        var url = $"https://203.0.113.10/failing/{Guid.NewGuid():N}";
        long id;
        await using (var db = await _host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Cancel))
        {
            var endpoint = new WebhookEndpoint
            {
                Url = url, Events = WebhookEventTypes.SendFailed, Enabled = false, ProtectedSecret = "unused", CreatedBy = "test",
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow, DisabledAt = DateTimeOffset.UtcNow, DisabledReason = "the last: HTTP 503",
            };
            db.WebhookEndpoints.Add(endpoint);
            await db.SaveChangesAsync(Cancel);
            id = endpoint.Id;
        }

        var card = RenderWithProviders<DisabledWebhooksCard>();

        card.WaitForAssertion(() => Assert.Contains(url, card.Find("[data-testid=disabled-webhooks]").TextContent, StringComparison.Ordinal));
        Assert.Contains("the last: HTTP 503", card.Markup, StringComparison.Ordinal);
        Assert.Contains($"admin/webhooks/{id}", card.Markup, StringComparison.Ordinal);
        await DeleteAsync(id);
    }

    private async Task DeleteAsync(long id) =>
        Assert.True((await Services.GetRequiredService<WebhookService>().DeleteAsync(id, new System.Security.Claims.ClaimsPrincipal(), Cancel)).Succeeded);

    private async Task<IRenderedComponent<IComponent>> OpenNewEndpointDialogAsync()
    {
        var root = RenderWithProviders<WebhooksPage>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        await root.InvokeAsync(() => dialogs.ShowAsync<WebhookDialog>("New webhook endpoint"));
        root.WaitForElement("form#webhook-form");
        return root;
    }
}
