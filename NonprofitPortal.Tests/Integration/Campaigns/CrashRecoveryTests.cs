using System.Globalization;
using Microsoft.Data.Sqlite;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Tests.Infrastructure;

namespace NonprofitPortal.Tests.Integration.Campaigns;

public sealed class CrashRecoveryTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Killing_the_process_mid_campaign_loses_no_recipient_and_repeats_only_what_was_in_flight()
    {
        await using var sink = await SendingHosts.StartSinkAsync();
        var directory = RealServer.CreateTraversableTempDirectory("nonprofitportal-crash-");
        try
        {
            var database = Path.Combine(directory.FullName, "portal.db");
            var settings = SendingHosts.ProcessSettings(sink, "Sqlite", $"Data Source={database};Default Timeout=30");
            settings["Sending:MessagesPerSecond"] = "200";
            settings["Sending:LeaseSeconds"] = "5";
            settings["Sending:PollSeconds"] = "0.5";
            settings["Logging:LogLevel:Default"] = "Warning";
            var port = RealServer.FreeLoopbackPort();
            long campaignId;
            await using (var first = await PortalProcess.StartAsync(settings, port))
            {
                var api = new CampaignApi(await SignedInClientAsync(first.Address));
                await api.ImportRecipientsAsync("crash", 800);
                campaignId = (await api.LaunchToTagAsync("crash")).CampaignId;
                await Eventually.GetAsync(() => MessagesOf(sink, campaignId).Count >= 150 ? "enough" : null, "150 messages before the crash", TimeSpan.FromSeconds(30));
                await first.KillAsync();
            }

            var receivedBeforeRestart = MessagesOf(sink, campaignId).Count;
            // Sent (the sink has them) but not recorded as sent: on the wire, or their outcomes not yet written.
            var unrecordedAtCrash = receivedBeforeRestart - await SentRowsAsync(database);
            await using var second = await PortalProcess.StartAsync(settings, port);
            var finished = await new CampaignApi(await SignedInClientAsync(second.Address)).WaitUntilFinishedAsync(campaignId, TimeSpan.FromSeconds(60));

            var received = MessagesOf(sink, campaignId);
            var perRecipient = received.GroupBy(m => m.Recipients[0]).ToList();
            Assert.Equal((CampaignStatus.Completed, 800, 0), (finished.Status, finished.Sent, finished.Failed));
            Assert.InRange(receivedBeforeRestart, 150, 799);
            Assert.Equal(800, perRecipient.Count);
            Assert.InRange(received.Count - 800, 0, unrecordedAtCrash);
            Assert.All(perRecipient, copies => Assert.Single(copies.Select(m => m.Header("Message-ID")).Distinct()));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    private static async Task<int> SentRowsAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync(Cancel);
        await using var count = connection.CreateCommand();
        count.CommandText = """SELECT COUNT(*) FROM "EmailSends" WHERE "Status" = 2""";
        return Convert.ToInt32(await count.ExecuteScalarAsync(Cancel), CultureInfo.InvariantCulture);
    }

    private static async Task<HttpClient> SignedInClientAsync(Uri address)
    {
        var client = new HttpClient { BaseAddress = address };
        await PortalHost.SignInAsync(client, PortalHost.AdminEmail, PortalHost.AdminPassword);
        return client;
    }

    private static List<SinkMessage> MessagesOf(SmtpSink sink, long campaignId) => sink.ReadMessages().OfCampaign(campaignId);
}
