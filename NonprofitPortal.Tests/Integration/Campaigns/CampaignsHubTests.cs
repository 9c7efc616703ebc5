using System.Net;
using Microsoft.AspNetCore.SignalR;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Campaigns.Progress;
using NonprofitPortal.Tests.Features.Campaigns;
using NonprofitPortal.Tests.Infrastructure;

namespace NonprofitPortal.Tests.Integration.Campaigns;

/// <summary>Who may use the campaigns hub and how, against the shared host (SQLite).</summary>
[Collection(SqliteHostCollection.Name)]
public sealed class CampaignsHubTests(SqliteHost fixture)
{
    private readonly PortalHost _host = fixture.Host;
    private readonly SeededCampaigns _campaigns = new(fixture.Host);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_bearer_token_opens_the_hub_and_a_watcher_gets_the_state_with_the_status_as_a_lower_case_string()
    {
        var id = await _campaigns.AddAsync("Hub with a token", CampaignStatus.Completed, total: 40, sent: 37, failed: 3);
        await using var client = CampaignsHubClient.For(_host, await _host.TokenAsync(PortalHost.AdminEmail, PortalHost.AdminPassword));
        await client.Connection.StartAsync(Cancel);

        await client.WatchAsync(id);

        var message = await Eventually.GetAsync(() => client.Received.FirstOrDefault(), "a progress message");
        Assert.Equal(new CampaignsHubClient.ProgressMessage(id, "completed", 40, 37, 3, 0, message.RatePerSecond), message);
    }

    [Fact]
    public async Task The_token_is_taken_from_the_query_string_for_the_hub_only()
    {
        var token = await _host.TokenAsync(PortalHost.AdminEmail, PortalHost.AdminPassword);
        using var anonymous = _host.CreateClient();

        var withToken = await anonymous.PostAsync($"{CampaignsHub.Path}/negotiate?negotiateVersion=1&access_token={token}", null, Cancel);
        var withoutToken = await anonymous.PostAsync($"{CampaignsHub.Path}/negotiate?negotiateVersion=1", null, Cancel);
        var api = await anonymous.GetAsync($"/api/campaigns?access_token={token}", Cancel);

        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task A_user_without_the_campaigns_view_permission_is_refused()
    {
        await _host.CreateUserAsync("no-campaigns.hub@portal.test", "No-Campaigns-1!");
        await using var client = CampaignsHubClient.For(_host, await _host.TokenAsync("no-campaigns.hub@portal.test", "No-Campaigns-1!"));

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.Connection.StartAsync(Cancel));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task A_viewer_may_watch()
    {
        await _host.CreateUserAsync("viewer.hub@portal.test", "Viewer-Hub-1!", BuiltInRoles.Viewer);
        var id = await _campaigns.AddAsync("Hub for a viewer", CampaignStatus.Paused, total: 10, sent: 4);
        await using var client = CampaignsHubClient.For(_host, await _host.TokenAsync("viewer.hub@portal.test", "Viewer-Hub-1!"));
        await client.Connection.StartAsync(Cancel);

        await client.WatchAsync(id);

        var message = await Eventually.GetAsync(() => client.Received.FirstOrDefault(), "a progress message");
        Assert.Equal(("paused", 4, 6), (message.Status, message.Sent, message.Pending));
    }

    [Fact]
    public async Task Without_credentials_the_hub_answers_401()
    {
        await using var client = CampaignsHubClient.For(_host, token: null);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.Connection.StartAsync(Cancel));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Watching_an_unknown_campaign_fails_with_a_clear_message()
    {
        await using var client = CampaignsHubClient.For(_host, await _host.TokenAsync(PortalHost.AdminEmail, PortalHost.AdminPassword));
        await client.Connection.StartAsync(Cancel);

        var failure = await Assert.ThrowsAsync<HubException>(() => client.WatchAsync(long.MaxValue));

        Assert.Contains($"Campaign {long.MaxValue} does not exist.", failure.Message);
    }
}
