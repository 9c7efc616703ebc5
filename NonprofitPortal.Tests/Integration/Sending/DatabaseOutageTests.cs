using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Sending;
using NonprofitPortal.Tests.Infrastructure;
using NonprofitPortal.Tests.Integration.Campaigns;

namespace NonprofitPortal.Tests.Integration.Sending;

/// <summary>
/// The database goes away mid-campaign while the app keeps running: sending pauses, what is known
/// is kept, and when the database answers again every recipient has had the message exactly once.
/// </summary>
[Collection(OutageCollection.Name)]
public sealed class DatabaseOutageTests(OutagePostgres outagePostgres)
{
    private static readonly TimeSpan OutageLength = TimeSpan.FromSeconds(15);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Postgres_stopped_for_fifteen_seconds_mid_campaign_pauses_sending_and_every_recipient_still_gets_the_message_once()
    {
        var postgres = outagePostgres.Server;
        RealServer.Require(postgres.IsAvailable, $"PostgreSQL is needed: {postgres.UnavailableReason}");
        await using var sink = await SendingHosts.StartSinkAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSQL",
            ["ConnectionStrings:Default"] = await postgres.CreateDatabaseAsync("outage", Cancel),
            ["Sending:MessagesPerSecond"] = "150",
            ["Sending:LeaseSeconds"] = "120",
            ["Sending:BatchSize"] = "200",
        };
        await using var host = await new SendingHosts(postgres, onPostgres: true).StartAsync(sink, settings, settings["ConnectionStrings:Default"]);
        using var client = host.CreateClient();
        var api = new CampaignApi(await host.AdminClientAsync());
        await api.ImportRecipientsAsync("outage", 4000);

        var launched = await api.LaunchToTagAsync("outage");
        await Eventually.GetAsync(() => sink.ReadMessages().Count >= 900 ? "sending" : null, "six seconds of sending", TimeSpan.FromSeconds(30));
        await postgres.StopAsync();
        try
        {
            var outage = host.Services.GetRequiredService<DatabaseOutage>();
            await Eventually.GetAsync(() => outage.Since is not null ? "noticed" : null, "the drain to notice the outage");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready", Cancel)).StatusCode);
            var receivedEarlyInOutage = sink.ReadMessages().Count;
            await Task.Delay(OutageLength, Cancel);
            var receivedLateInOutage = sink.ReadMessages().Count;
            // Nothing new goes out while outcomes cannot be written: at most what was on the wire as the outage was noticed.
            Assert.InRange(receivedLateInOutage - receivedEarlyInOutage, 0, 4);
        }
        finally
        {
            await postgres.StartAgainAsync();
        }

        var finished = await api.WaitUntilFinishedAsync(launched.CampaignId, TimeSpan.FromSeconds(30));
        await Eventually.GetAsync(async () => (await client.GetAsync("/health/ready", Cancel)).IsSuccessStatusCode ? "ready" : null, "readiness to recover");

        Assert.Equal((CampaignStatus.Completed, 4000, 0), (finished.Status, finished.Sent, finished.Failed));
        AssertEachOnce(sink.ReadMessages().OfCampaign(launched.CampaignId), 4000);
    }

    [Fact]
    public async Task Sqlite_held_by_another_writer_for_fifteen_seconds_mid_campaign_delays_sending_and_every_recipient_gets_the_message_once()
    {
        await using var sink = await SendingHosts.StartSinkAsync();
        await using var host = await new SendingHosts(outagePostgres.Server, onPostgres: false).StartAsync(sink, new Dictionary<string, string?>
        {
            ["Sending:MessagesPerSecond"] = "150",
            ["Sending:LeaseSeconds"] = "120",
            ["Sending:BatchSize"] = "200",
        });
        var api = new CampaignApi(await host.AdminClientAsync());
        await api.ImportRecipientsAsync("locked", 4000);

        var launched = await api.LaunchToTagAsync("locked");
        await Eventually.GetAsync(() => sink.ReadMessages().Count >= 900 ? "sending" : null, "six seconds of sending", TimeSpan.FromSeconds(30));
        await using (var writer = new SqliteConnection($"Data Source={host.DatabasePath};Pooling=False"))
        {
            await writer.OpenAsync(Cancel);
            await using var hold = writer.CreateCommand();
            hold.CommandText = "BEGIN IMMEDIATE";
            await hold.ExecuteNonQueryAsync(Cancel);
            await Task.Delay(OutageLength, Cancel);
            hold.CommandText = "ROLLBACK";
            await hold.ExecuteNonQueryAsync(Cancel);
        }

        var finished = await api.WaitUntilFinishedAsync(launched.CampaignId, TimeSpan.FromSeconds(30));

        Assert.Equal((CampaignStatus.Completed, 4000, 0), (finished.Status, finished.Sent, finished.Failed));
        AssertEachOnce(sink.ReadMessages().OfCampaign(launched.CampaignId), 4000);
    }

    [Fact]
    public async Task A_node_told_to_stop_while_postgres_is_down_exits_within_thirty_seconds()
    {
        var postgres = outagePostgres.Server;
        RealServer.Require(postgres.IsAvailable, $"PostgreSQL is needed: {postgres.UnavailableReason}");
        await using var sink = await SendingHosts.StartSinkAsync();
        var settings = SendingHosts.ProcessSettings(sink, "PostgreSQL", await postgres.CreateDatabaseAsync("sigterm", Cancel));
        settings["Sending:MessagesPerSecond"] = "100";
        await using var node = await PortalProcess.StartAsync(settings, RealServer.FreeLoopbackPort());
        using var client = new HttpClient { BaseAddress = node.Address };
        await PortalHost.SignInAsync(client, PortalHost.AdminEmail, PortalHost.AdminPassword);
        var api = new CampaignApi(client);
        await api.ImportRecipientsAsync("sigterm", 2000);
        await api.LaunchToTagAsync("sigterm");
        await Eventually.GetAsync(() => sink.ReadMessages().Count >= 200 ? "sending" : null, "the campaign to be sending", TimeSpan.FromSeconds(30));

        TimeSpan? exitedAfter;
        await postgres.StopAsync();
        try
        {
            await Eventually.GetAsync(async () => (await client.GetAsync("/health/ready", Cancel)).StatusCode == HttpStatusCode.ServiceUnavailable ? "down" : null, "the node to notice the database is down");
            exitedAfter = await node.TerminateAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            await postgres.StartAgainAsync();
        }

        Assert.True(exitedAfter is not null, $"The node had not exited 60 s after SIGTERM:\n{node.Output}");
        Assert.True(exitedAfter < TimeSpan.FromSeconds(30), $"The node took {exitedAfter} to exit:\n{node.Output}");
    }

    private static void AssertEachOnce(IReadOnlyList<SinkMessage> received, int recipients)
    {
        var twice = received.GroupBy(m => m.Recipients[0]).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, $"{twice.Count} recipients got the message more than once, e.g. {string.Join(", ", twice.Take(3))}");
        Assert.Equal(recipients, received.Count);
    }
}
