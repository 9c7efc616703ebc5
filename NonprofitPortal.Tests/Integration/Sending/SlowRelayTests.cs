using System.Globalization;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Tests.Infrastructure;
using NonprofitPortal.Tests.Integration.Campaigns;

namespace NonprofitPortal.Tests.Integration.Sending;

/// <summary>A relay slower than the lease allows for a whole batch: leases are renewed and claims kept small, so nothing goes out twice.</summary>
public sealed class SlowRelayTests
{
    [Fact]
    public async Task A_relay_paced_at_three_a_second_with_a_twenty_second_lease_gets_a_240_recipient_campaign_once_each()
    {
        await using var sink = await SendingHosts.StartSinkAsync();
        var settings = SendingHosts.Settings(sink);
        settings["Mail:Smtp:Servers:0:Name"] = "slow";
        settings["Mail:Smtp:Servers:0:Host"] = sink.Host;
        settings["Mail:Smtp:Servers:0:Port"] = sink.Port.ToString(CultureInfo.InvariantCulture);
        settings["Mail:Smtp:Servers:0:MessagesPerSecond"] = "3";
        settings["Mail:Smtp:Servers:0:Connections"] = "2";
        settings["Sending:LeaseSeconds"] = "20";
        settings["Sending:BatchSize"] = "100";
        await using var host = new PortalHost(settings);
        host.StartServer();
        var api = new CampaignApi(await host.AdminClientAsync());
        await api.ImportRecipientsAsync("slow", 240);

        var launched = await api.LaunchToTagAsync("slow");
        var finished = await api.WaitUntilFinishedAsync(launched.CampaignId, TimeSpan.FromSeconds(150));

        var received = sink.ReadMessages().OfCampaign(launched.CampaignId);
        Assert.Equal((CampaignStatus.Completed, 240, 0), (finished.Status, finished.Sent, finished.Failed));
        Assert.Equal(240, received.Count);
        Assert.Equal(240, received.Select(m => m.Recipients[0]).Distinct().Count());
        // The pace was kept: 240 messages at 3 a second take about 80 s.
        Assert.True(received[^1].ArrivedAt - received[0].ArrivedAt > TimeSpan.FromSeconds(70), "the relay's pace was kept");
    }
}
