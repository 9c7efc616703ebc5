using NonprofitPortal.Tests.Infrastructure;

namespace NonprofitPortal.Tests.Integration.Campaigns;

/// <summary>The campaigns hub watching a real campaign sent through the real host into a real smtp-sink.</summary>
public sealed class CampaignsHubSendingTests(PostgresServer postgres)
{
    private readonly SendingHosts _hosts = new(postgres, onPostgres: false);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_watcher_sees_the_counts_rise_until_every_message_is_sent_and_the_campaign_completed()
    {
        await using var sink = await SendingHosts.StartSinkAsync();
        // Three seconds of sending: time for several readings on the way.
        await using var host = await _hosts.StartAsync(sink, new Dictionary<string, string?> { ["Sending:MessagesPerSecond"] = "20", ["Sending:BatchSize"] = "5" });
        var api = new CampaignApi(await host.AdminClientAsync());
        await api.ImportRecipientsAsync("watched", 60);
        await using var client = CampaignsHubClient.For(host, await host.TokenAsync(PortalHost.AdminEmail, PortalHost.AdminPassword));
        await client.Connection.StartAsync(Cancel);

        var launched = await api.LaunchToTagAsync("watched");
        await client.WatchAsync(launched.CampaignId);
        var last = await Eventually.GetAsync(() => client.Received.LastOrDefault(m => m.Status == "completed"), "the campaign to complete", TimeSpan.FromSeconds(30));

        var received = client.Received;
        Assert.Equal(("completed", 60, 60, 0, 0), (last.Status, last.Total, last.Sent, last.Failed, last.Pending));
        Assert.Contains(received, m => m.Status == "sending" && m.Sent < 60);
        Assert.Equal(received.Select(m => m.Sent).Order(), received.Select(m => m.Sent));
        Assert.All(received, m => Assert.Equal((launched.CampaignId, 60, m.Total - m.Sent - m.Failed), (m.CampaignId, m.Total, m.Pending)));
    }
}
