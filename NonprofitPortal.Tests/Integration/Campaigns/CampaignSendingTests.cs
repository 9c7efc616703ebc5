using System.Net.Http.Json;
using System.Net;
using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Campaigns.Api;
using NonprofitPortal.Features.Campaigns.Tokens;
using NonprofitPortal.Features.Sending;
using NonprofitPortal.Features.Sending.Transport;
using NonprofitPortal.Tests.Infrastructure;

namespace NonprofitPortal.Tests.Integration.Campaigns;

/// <summary>Campaigns through the real host into a real smtp-sink; runs on every provider (subclasses at the end).</summary>
public abstract class CampaignSendingTests(PostgresServer postgres, bool onPostgres)
{
    private readonly SendingHosts _hosts = new(postgres, onPostgres);
    private readonly bool _onPostgres = onPostgres;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_recipient_gets_the_message_exactly_once_with_the_cc_and_unsubscribe_headers()
    {
        await using var sink = await SendingHosts.StartSinkAsync();
        await using var host = await _hosts.StartAsync(sink);
        var api = new CampaignApi(await host.AdminClientAsync());
        var emails = await api.ImportRecipientsAsync("everyone", 40);

        var launched = await api.LaunchToTagAsync("everyone", cc: ["officer@foundation.test", "board@foundation.test"]);
        var finished = await api.WaitUntilFinishedAsync(launched.CampaignId);

        Assert.Equal(40, launched.Total);
        Assert.Equal((CampaignStatus.Completed, 40, 40, 0, 0), (finished.Status, finished.Total, finished.Sent, finished.Failed, finished.Pending));
        var received = MessagesOf(sink, launched.CampaignId);
        Assert.Equal(emails.Order(), received.Select(m => m.Header("To")!).Select(to => to[(to.IndexOf('<') + 1)..^1]).Order());
        var first = received.Single(m => m.Header("To")!.Contains("<everyone-0@everyone.example>", StringComparison.Ordinal));
        Assert.Equal(["everyone-0@everyone.example", "officer@foundation.test", "board@foundation.test"], first.Recipients);
        Assert.Equal("Hello Nonprofit everyone 0", first.Subject);
        Assert.Equal("portal@portal.test", first.Sender);
        Assert.Matches(@"^<send-\d+\.campaign-" + launched.CampaignId + "@portal.test>$", first.Header("Message-ID"));
        Assert.Matches(@"^<http://portal\.test/unsubscribe/[a-z2-7]{28,39}>$", first.Header("List-Unsubscribe")!.Trim());
        Assert.Equal("List-Unsubscribe=One-Click", first.Header("List-Unsubscribe-Post"));
        Assert.Contains("Dear Nonprofit everyone 0", Parse(first).HtmlBody);
        Assert.Contains("Dear Nonprofit everyone 0", Parse(first).TextBody);
    }

    [Fact]
    public async Task A_repeated_launch_with_the_same_idempotency_key_returns_the_first_campaign()
    {
        await using var sink = await SendingHosts.StartSinkAsync();
        await using var host = await _hosts.StartAsync(sink);
        var api = new CampaignApi(await host.AdminClientAsync());
        await api.ImportRecipientsAsync("twice", 5);

        var first = await api.LaunchToTagAsync("twice", idempotencyKey: "click-1");
        var again = await api.LaunchToTagAsync("twice", idempotencyKey: "click-1");
        await api.WaitUntilFinishedAsync(first.CampaignId);

        Assert.Equal(first.CampaignId, again.CampaignId);
        Assert.Equal(5, MessagesOf(sink, first.CampaignId).Count);
        await using var db = await Database(host);
        Assert.Equal(1, await db.Campaigns.CountAsync(c => c.Name == "Hello {{ nonprofit.name }}", Cancel));
    }

    [Fact]
    public async Task Slow_down_replies_fail_nothing_and_every_message_arrives_once_the_server_recovers()
    {
        await using var sink = await SendingHosts.StartSinkAsync(new SmtpSinkOptions { RejectCommands = ["RCPT"] });
        await using var host = await _hosts.StartAsync(sink, new Dictionary<string, string?> { ["Sending:MaxAttempts"] = "1" });
        var api = new CampaignApi(await host.AdminClientAsync());
        await api.ImportRecipientsAsync("slowdown", 20);

        var launched = await api.LaunchToTagAsync("slowdown");
        await WaitForAsync(host, db => db.EmailSends.AnyAsync(s => s.CampaignId == launched.CampaignId && s.LastError!.StartsWith("450"), Cancel), "a 450 reply to be recorded");
        var whileRefusing = await api.GetAsync(launched.CampaignId);
        await sink.RestartAsync(new SmtpSinkOptions(), Cancel);
        var finished = await api.WaitUntilFinishedAsync(launched.CampaignId);

        Assert.Equal(0, whileRefusing.Failed);
        Assert.Equal((CampaignStatus.Completed, 20, 0), (finished.Status, finished.Sent, finished.Failed));
        Assert.Equal(20, MessagesOf(sink, launched.CampaignId).Select(m => m.Header("To")).Distinct().Count());
        Assert.Equal(20, MessagesOf(sink, launched.CampaignId).Count);
    }

    [Fact]
    public async Task A_temporary_error_that_never_clears_fails_the_message_after_its_last_attempt()
    {
        await using var sink = await SendingHosts.StartSinkAsync(new SmtpSinkOptions { RejectCommands = ["RCPT"], RejectReply = "452 4.2.2 Mailbox full" });
        await using var host = await _hosts.StartAsync(sink, new Dictionary<string, string?> { ["Sending:MaxAttempts"] = "3" });
        var api = new CampaignApi(await host.AdminClientAsync());
        await api.ImportRecipientsAsync("mailboxfull", 3);

        var launched = await api.LaunchToTagAsync("mailboxfull");
        var finished = await api.WaitUntilFinishedAsync(launched.CampaignId);
        var failures = await api.FailuresAsync(launched.CampaignId);

        Assert.Equal((CampaignStatus.Completed, 0, 3), (finished.Status, finished.Sent, finished.Failed));
        Assert.All(failures.Items, f =>
        {
            Assert.Equal(3, f.Attempts);
            Assert.Equal("Gave up after 3 attempts: 452 4.2.2 Mailbox full", f.LastError);
        });
    }

    [Fact]
    public async Task Hard_errors_fail_those_recipients_with_the_reply_suppress_them_as_hard_bounces_and_retry_failed_sends_them_once_allowed_again()
    {
        await using var sink = await SendingHosts.StartSinkAsync(new SmtpSinkOptions { HardErrorCommands = ["RCPT"], HardErrorReply = "550 5.1.1 No such user here" });
        await using var host = await _hosts.StartAsync(sink);
        var api = new CampaignApi(await host.AdminClientAsync());
        await api.ImportRecipientsAsync("hard", 6);
        await api.ImportRecipientsAsync("fine", 4);

        var refused = await api.LaunchToTagAsync("hard");
        var refusedFinished = await api.WaitUntilFinishedAsync(refused.CampaignId);
        var failures = await api.FailuresAsync(refused.CampaignId);
        var directory = new Nonprofits.NonprofitApi(api.Client);
        var suppressed = await Eventually.GetAsync(
            async () => (await directory.ListAsync("?tag=hard&suppressed=true")).Items is { Count: 6 } items ? items : null, "the refused nonprofits to be suppressed");
        var bounced = await api.WaitForAsync(refused.CampaignId, c => c.Bounced == 6, "the refusals to count as bounces");
        await sink.RestartAsync(new SmtpSinkOptions(), Cancel);
        var accepted = await api.LaunchToTagAsync("fine");
        var acceptedFinished = await api.WaitUntilFinishedAsync(accepted.CampaignId);
        foreach (var nonprofit in suppressed)
        {
            Assert.Equal(HttpStatusCode.OK, (await api.Client.PostAsync($"/api/nonprofits/{nonprofit.Id}/unsuppress", null, Cancel)).StatusCode);
        }

        var retry = await api.SteerAsync(refused.CampaignId, "retry-failed");
        var retried = await api.WaitForAsync(refused.CampaignId, c => c is { Status: CampaignStatus.Completed, Sent: 6 }, "to send what had failed");

        Assert.Equal((CampaignStatus.Completed, 0, 6), (refusedFinished.Status, refusedFinished.Sent, refusedFinished.Failed));
        Assert.All(failures.Items, f => Assert.Equal("550 5.1.1 No such user here", f.LastError));
        Assert.All(suppressed, n => Assert.Equal("hard-bounce", n.SuppressionReason));
        Assert.Equal(6, bounced.Bounced);
        Assert.Equal((4, 0), (acceptedFinished.Sent, acceptedFinished.Failed));
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(0, retried.Failed);
        Assert.Equal(6, MessagesOf(sink, refused.CampaignId).Count);
        Assert.Equal(4, MessagesOf(sink, accepted.CampaignId).Count);
    }

    [Fact]
    public async Task A_server_that_is_down_is_set_aside_and_the_campaign_completes_when_it_is_back_skipping_who_opted_out_meanwhile()
    {
        await using var sink = await SendingHosts.StartSinkAsync();
        await sink.StopAsync();
        await using var host = await _hosts.StartAsync(sink);
        var api = new CampaignApi(await host.AdminClientAsync());
        await api.ImportRecipientsAsync("outage", 10);

        var launched = await api.LaunchToTagAsync("outage");
        var servers = host.Services.GetRequiredService<MailServers>();
        await Eventually.GetAsync(() => servers.Statuses().SingleOrDefault(s => s.State == MailServerState.SetAside), "the server to be set aside", TimeSpan.FromSeconds(15));
        var duringOutage = await api.GetAsync(launched.CampaignId);
        var leaver = await UnsubscribeLinkAsync(host, launched.CampaignId, "outage-0@outage.example");
        using var anonymous = host.CreateClient();
        var unsubscribed = await anonymous.PostAsync(leaver, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]), Cancel);
        await sink.RestartAsync(Cancel);
        var finished = await api.WaitUntilFinishedAsync(launched.CampaignId);

        Assert.Equal((CampaignStatus.Sending, 0, 0), (duringOutage.Status, duringOutage.Sent, duringOutage.Failed));
        Assert.Equal(HttpStatusCode.OK, unsubscribed.StatusCode);
        Assert.Equal((CampaignStatus.Completed, 9, 0, 1), (finished.Status, finished.Sent, finished.Failed, finished.Skipped));
        var received = MessagesOf(sink, launched.CampaignId);
        Assert.Equal(9, received.Count);
        Assert.DoesNotContain(received, m => m.Recipients.Contains("outage-0@outage.example"));
        Assert.Equal(MailServerState.Up, servers.Statuses().Single().State);
    }

    [Fact]
    public async Task Pause_holds_the_rest_and_resume_sends_each_remaining_message_once()
    {
        await using var sink = await SendingHosts.StartSinkAsync();
        await using var host = await _hosts.StartAsync(sink, Paced());
        var api = new CampaignApi(await host.AdminClientAsync());
        await api.ImportRecipientsAsync("pausing", 40);

        var launched = await api.LaunchToTagAsync("pausing");
        await api.WaitForAsync(launched.CampaignId, c => c.Sent >= 5, "to send a few");
        var pause = await api.SteerAsync(launched.CampaignId, "pause");
        var paused = await SettledAsync(host, api, launched.CampaignId);
        await host.Services.GetRequiredService<SendDrainer>().DrainAsync(Cancel);
        var afterDrain = await api.GetAsync(launched.CampaignId);
        var resume = await api.SteerAsync(launched.CampaignId, "resume");
        var finished = await api.WaitUntilFinishedAsync(launched.CampaignId);

        Assert.Equal(HttpStatusCode.OK, pause.StatusCode);
        Assert.Equal(CampaignStatus.Paused, paused.Status);
        Assert.True(paused.Pending > 0, "the pause came before the end");
        Assert.Equal(paused.Sent, afterDrain.Sent);
        Assert.Equal(HttpStatusCode.OK, resume.StatusCode);
        Assert.Equal((CampaignStatus.Completed, 40), (finished.Status, finished.Sent));
        Assert.Equal(40, MessagesOf(sink, launched.CampaignId).Select(m => m.Header("To")).Distinct().Count());
        Assert.Equal(40, MessagesOf(sink, launched.CampaignId).Count);
    }

    [Fact]
    public async Task Cancel_stops_a_campaign_for_good_and_leaves_the_rest_unsent()
    {
        await using var sink = await SendingHosts.StartSinkAsync();
        await using var host = await _hosts.StartAsync(sink, Paced());
        var api = new CampaignApi(await host.AdminClientAsync());
        await api.ImportRecipientsAsync("cancelling", 40);

        var launched = await api.LaunchToTagAsync("cancelling");
        await api.WaitForAsync(launched.CampaignId, c => c.Sent >= 5, "to send a few");
        var cancel = await api.SteerAsync(launched.CampaignId, "cancel");
        var cancelled = await SettledAsync(host, api, launched.CampaignId);
        await host.Services.GetRequiredService<SendDrainer>().DrainAsync(Cancel);
        var resume = await api.SteerAsync(launched.CampaignId, "resume");
        var final = await api.GetAsync(launched.CampaignId);

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal(CampaignStatus.Cancelled, final.Status);
        Assert.NotNull(final.CompletedAt);
        Assert.True(final.Pending > 0, "the cancel came before the end");
        Assert.Equal(cancelled.Sent, final.Sent);
        Assert.Equal(HttpStatusCode.Conflict, resume.StatusCode);
        Assert.Equal(final.Sent, MessagesOf(sink, launched.CampaignId).Count);
    }

    [Fact]
    public async Task Stopping_the_host_mid_campaign_hands_back_what_it_claimed_and_another_start_finishes_it()
    {
        await using var sink = await SendingHosts.StartSinkAsync();
        var directory = RealServer.CreateTraversableTempDirectory("nonprofitportal-stop-");
        try
        {
            var settings = Paced();
            var database = await _hosts.NewDatabaseAsync();
            if (database is null)
            {
                settings["ConnectionStrings:Default"] = $"Data Source={Path.Combine(directory.FullName, "portal.db")}";
            }

            long campaignId;
            await using (var first = await _hosts.StartAsync(sink, settings, database))
            {
                var api = new CampaignApi(await first.AdminClientAsync());
                await api.ImportRecipientsAsync("stopping", 40);
                campaignId = (await api.LaunchToTagAsync("stopping")).CampaignId;
                await api.WaitForAsync(campaignId, c => c.Sent >= 5, "to send a few");
            }

            // Read between the two hosts, before the second one starts draining.
            var stillLeased = await ScalarAsync(database ?? settings["ConnectionStrings:Default"]!, $"""SELECT COUNT(*) FROM "EmailSends" WHERE "CampaignId" = {campaignId} AND "Status" = 1""");
            var sentBeforeStop = await ScalarAsync(database ?? settings["ConnectionStrings:Default"]!, $"""SELECT "Sent" FROM "Campaigns" WHERE "Id" = {campaignId}""");
            await using var second = await _hosts.StartAsync(sink, settings, database);
            var finished = await new CampaignApi(await second.AdminClientAsync()).WaitUntilFinishedAsync(campaignId);

            Assert.Equal(0, stillLeased);
            Assert.InRange(sentBeforeStop, 5, 39);
            Assert.Equal((CampaignStatus.Completed, 40), (finished.Status, finished.Sent));
            Assert.Equal(40, MessagesOf(sink, campaignId).Count);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_unsubscribe_page_changes_nothing_until_confirmed_and_a_forged_link_is_refused()
    {
        await using var sink = await SendingHosts.StartSinkAsync();
        await using var host = await _hosts.StartAsync(sink);
        var api = new CampaignApi(await host.AdminClientAsync());
        await api.ImportRecipientsAsync("leaving", 2);
        var launched = await api.LaunchToTagAsync("leaving");
        await api.WaitUntilFinishedAsync(launched.CampaignId);
        var message = MessagesOf(sink, launched.CampaignId).Single(m => m.Recipients.Contains("leaving-1@leaving.example"));
        var link = new Uri(message.Header("List-Unsubscribe")!.Trim().Trim('<', '>')).PathAndQuery;
        using var anonymous = host.CreateClient();

        var page = await anonymous.GetAsync(link, Cancel);
        var pageText = await page.Content.ReadAsStringAsync(Cancel);
        var stillIn = await OptedOutAsync(host, "leaving-1@leaving.example");
        var confirmed = await anonymous.PostAsync(link, new FormUrlEncodedContent([]), Cancel);
        var forged = await anonymous.PostAsync(link[..^4] + "AAAA", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]), Cancel);
        var again = await api.LaunchToTagAsync("leaving");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("leaving-1@leaving.example", pageText);
        Assert.Contains("<form method=\"post\">", pageText);
        Assert.False(stillIn);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.True(await OptedOutAsync(host, "leaving-1@leaving.example"));
        Assert.False(await OptedOutAsync(host, "leaving-0@leaving.example"));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(1, again.Total);
        var leaver = (await new Nonprofits.NonprofitApi(api.Client).ListAsync("?domain=leaving.example")).Items.Single(n => n.Email == "leaving-1@leaving.example");
        var history = await api.Client.GetFromJsonAsync<List<NonprofitPortal.Features.Nonprofits.Api.NonprofitEventResponse>>($"/api/nonprofits/{leaver.Id}/events", Cancel);
        Assert.Equal(["unsubscribed", "sent"], history!.Select(e => e.Type));
        Assert.Equal(launched.CampaignId, history![0].CampaignId);
    }

    /// <summary>Slow enough (20 a second, 5 claimed at a time) that a pause or cancel lands mid-campaign.</summary>
    private static Dictionary<string, string?> Paced() => new()
    {
        ["Sending:MessagesPerSecond"] = "20",
        ["Sending:BatchSize"] = "5",
    };

    /// <summary>Waits until nothing of the campaign is on the wire any more, then reads it.</summary>
    private static async Task<CampaignResponse> SettledAsync(PortalHost host, CampaignApi api, long campaignId)
    {
        await WaitForAsync(host, async db => !await db.EmailSends.AnyAsync(s => s.CampaignId == campaignId && s.Status == SendStatus.Sending, Cancel), "the messages in flight to be recorded");
        return await api.GetAsync(campaignId);
    }

    private static async Task WaitForAsync(PortalHost host, Func<AppDbContext, Task<bool>> condition, string what) =>
        await Eventually.GetAsync(async () =>
        {
            await using var db = await Database(host);
            return await condition(db) ? what : null;
        }, what, TimeSpan.FromSeconds(20));

    private static async Task<string> UnsubscribeLinkAsync(PortalHost host, long campaignId, string email)
    {
        await using var db = await Database(host);
        var sendId = await db.EmailSends.Where(s => s.CampaignId == campaignId && s.Email == email).Select(s => s.Id).SingleAsync(Cancel);
        return $"/unsubscribe/{host.Services.GetRequiredService<SendTokens>().Create(SendTokenPurpose.Unsubscribe, sendId)}";
    }

    private static async Task<bool> OptedOutAsync(PortalHost host, string email)
    {
        await using var db = await Database(host);
        return await db.Nonprofits.Where(n => n.Email == email).Select(n => n.OptedOutAt != null).SingleAsync(Cancel);
    }

    private async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using System.Data.Common.DbConnection connection = _onPostgres ? new Npgsql.NpgsqlConnection(connectionString) : new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        await connection.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(Cancel), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Task<AppDbContext> Database(PortalHost host) =>
        host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Cancel);

    private static List<SinkMessage> MessagesOf(SmtpSink sink, long campaignId) => sink.ReadMessages().OfCampaign(campaignId);

    private static MimeKit.MimeMessage Parse(SinkMessage message) =>
        MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(message.RawMessage)), Cancel);
}

public sealed class SqliteCampaignSendingTests(PostgresServer postgres) : CampaignSendingTests(postgres, onPostgres: false);

public sealed class PostgresCampaignSendingTests(PostgresServer postgres) : CampaignSendingTests(postgres, onPostgres: true);
