using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Sending.Transport;
using NonprofitPortal.Tests.Infrastructure;
using NonprofitPortal.Tests.Integration.Campaigns;

namespace NonprofitPortal.Tests.Integration.Sending;

/// <summary>Several real smtp-sinks as the relays of one host: sharing, failover, slowing down, pace limits.</summary>
public sealed class SeveralServersTests(PostgresServer postgres)
{
    private readonly SendingHosts _hosts = new(postgres, onPostgres: false);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_servers_of_equal_priority_and_pace_share_a_campaign_within_ten_percent_of_even()
    {
        await using var first = await SendingHosts.StartSinkAsync();
        await using var second = await SendingHosts.StartSinkAsync();
        await using var host = await _hosts.StartAsync(first, Servers((first, "first", 1, 500), (second, "second", 1, 500)));
        var api = new CampaignApi(await host.AdminClientAsync());
        await api.ImportRecipientsAsync("shared", 2000);

        var launched = await api.LaunchToTagAsync("shared");
        var finished = await api.WaitUntilFinishedAsync(launched.CampaignId, TimeSpan.FromSeconds(60));

        var (toFirst, toSecond) = (MessagesOf(first, launched.CampaignId).Count, MessagesOf(second, launched.CampaignId).Count);
        Assert.Equal((CampaignStatus.Completed, 2000), (finished.Status, finished.Sent));
        Assert.Equal(2000, toFirst + toSecond);
        Assert.InRange(toFirst, 900, 1100);
    }

    [Fact]
    public async Task When_the_primary_stops_the_backup_delivers_everyone_and_traffic_returns_once_it_is_back()
    {
        await using var primary = await SendingHosts.StartSinkAsync();
        await using var backup = await SendingHosts.StartSinkAsync();
        await using var host = await _hosts.StartAsync(primary, Servers((primary, "primary", 1, 200), (backup, "backup", 2, 200)));
        var api = new CampaignApi(await host.AdminClientAsync());
        await api.ImportRecipientsAsync("failover", 600);

        var launched = await api.LaunchToTagAsync("failover");
        await Eventually.GetAsync(() => MessagesOf(primary, launched.CampaignId).Count >= 100 ? "enough" : null, "the primary to take 100 messages", TimeSpan.FromSeconds(20));
        await primary.StopAsync();
        var finished = await api.WaitUntilFinishedAsync(launched.CampaignId, TimeSpan.FromSeconds(60));
        var beforeRestart = MessagesOf(primary, launched.CampaignId).Concat(MessagesOf(backup, launched.CampaignId)).ToList();
        await primary.RestartAsync(Cancel);
        var later = await api.LaunchToTagAsync("failover", subject: "Later {{ nonprofit.name }}");
        await api.WaitUntilFinishedAsync(later.CampaignId, TimeSpan.FromSeconds(60));

        Assert.Equal((CampaignStatus.Completed, 600, 0), (finished.Status, finished.Sent, finished.Failed));
        Assert.Equal(600, beforeRestart.Select(m => m.Recipients[0]).Distinct().Count());
        Assert.InRange(beforeRestart.Count - 600, 0, 4);
        Assert.NotEmpty(MessagesOf(backup, launched.CampaignId));
        Assert.NotEmpty(MessagesOf(primary, later.CampaignId));
        Assert.Equal(MailServerState.Up, host.Services.GetRequiredService<MailServers>().Find("primary")!.State(DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task Readiness_is_degraded_not_down_while_one_server_carries_the_mail()
    {
        await using var down = await SendingHosts.StartSinkAsync();
        await down.StopAsync();
        await using var up = await SendingHosts.StartSinkAsync();
        var settings = Servers((down, "down", 1, 0), (up, "up", 2, 0));
        settings["Sending:BreakSeconds"] = "600";
        await using var host = await _hosts.StartAsync(up, settings);
        var api = new CampaignApi(await host.AdminClientAsync());
        await api.ImportRecipientsAsync("degraded", 20);
        using var anonymous = host.CreateClient();

        var before = await anonymous.GetAsync("/health/ready", Cancel);
        var launched = await api.LaunchToTagAsync("degraded");
        var finished = await api.WaitUntilFinishedAsync(launched.CampaignId);
        var during = await anonymous.GetAsync("/health/ready", Cancel);
        var live = await anonymous.GetAsync("/health/live", Cancel);

        // The SMTP probe finds the dead server before any mail has met it.
        Assert.Equal("Degraded", await before.Content.ReadAsStringAsync(Cancel));
        Assert.Equal((CampaignStatus.Completed, 20), (finished.Status, finished.Sent));
        Assert.Equal(20, MessagesOf(up, launched.CampaignId).Count);
        Assert.Equal(HttpStatusCode.OK, during.StatusCode);
        Assert.Equal("Degraded", await during.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task A_server_answering_421_fails_nothing_is_slowed_and_the_campaign_completes_once_it_recovers()
    {
        await using var sink = await SendingHosts.StartSinkAsync(new SmtpSinkOptions { ServiceClosingCommands = ["MAIL"] });
        await using var host = await _hosts.StartAsync(sink, Servers((sink, "busy", 1, 100)));
        var api = new CampaignApi(await host.AdminClientAsync());
        await api.ImportRecipientsAsync("busy", 30);
        var servers = host.Services.GetRequiredService<MailServers>();

        var launched = await api.LaunchToTagAsync("busy");
        var setAside = await Eventually.GetAsync(() => servers.Statuses().SingleOrDefault(s => s.State == MailServerState.SetAside), "the server to be set aside");
        var whileRefusing = await api.GetAsync(launched.CampaignId);
        await sink.RestartAsync(new SmtpSinkOptions(), Cancel);
        var finished = await api.WaitUntilFinishedAsync(launched.CampaignId);

        Assert.StartsWith("busy: 421", setAside.LastError);
        Assert.True(setAside.CurrentLimit < 100, $"the pace should have dropped below 100/s, it is {setAside.CurrentLimit}");
        Assert.Equal(0, whileRefusing.Failed);
        Assert.Equal((CampaignStatus.Completed, 30, 0), (finished.Status, finished.Sent, finished.Failed));
        Assert.Equal(30, MessagesOf(sink, launched.CampaignId).Count);
    }

    [Fact]
    public async Task A_server_limited_to_50_a_second_never_receives_more_than_100_in_any_two_seconds()
    {
        await using var sink = await SendingHosts.StartSinkAsync();
        await using var host = await _hosts.StartAsync(sink, Servers((sink, "paced", 1, 50)));
        var api = new CampaignApi(await host.AdminClientAsync());
        await api.ImportRecipientsAsync("paced", 250);

        var launched = await api.LaunchToTagAsync("paced");
        await api.WaitUntilFinishedAsync(launched.CampaignId);

        var arrivals = MessagesOf(sink, launched.CampaignId).Select(m => m.ArrivedAt).Order().ToList();
        var busiest = arrivals.Select((start, i) => arrivals.Skip(i).TakeWhile(t => t < start.AddSeconds(2)).Count()).Max();
        Assert.Equal(250, arrivals.Count);
        Assert.InRange(busiest, 90, 100);
    }

    [Fact]
    public async Task Admins_see_each_servers_state_without_its_password_and_can_send_it_a_test()
    {
        await using var sink = await SendingHosts.StartSinkAsync();
        var settings = Servers((sink, "relay", 1, 0));
        settings["Mail:Smtp:Servers:0:User"] = "";
        settings["Mail:Smtp:Servers:0:Password"] = "secret-password";
        await using var host = await _hosts.StartAsync(sink, settings);
        using var admin = await host.AdminClientAsync();
        await host.CreateUserAsync("staff.servers@portal.test", "Staff-Pass-1!", BuiltInRoles.Staff);
        using var staff = await host.ClientWithTokenAsync("staff.servers@portal.test", "Staff-Pass-1!");

        var listing = await admin.GetStringAsync("/api/mail/servers", Cancel);
        var test = await admin.PostAsync("/api/mail/servers/relay/test", null, Cancel);
        var unknown = await admin.PostAsync("/api/mail/servers/nowhere/test", null, Cancel);

        Assert.Contains("\"name\":\"relay\"", listing);
        Assert.Contains("\"state\":\"up\"", listing);
        Assert.DoesNotContain("secret-password", listing);
        Assert.Equal(HttpStatusCode.OK, test.StatusCode);
        Assert.Contains(sink.ReadMessages(), m => m.Recipients.Contains(PortalHost.AdminEmail) && m.Subject!.Contains("relay", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/mail/servers", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Test_messages_wait_for_the_servers_pace_like_campaign_messages()
    {
        await using var sink = await SendingHosts.StartSinkAsync();
        await using var host = await _hosts.StartAsync(sink, Servers((sink, "paced", 1, 1)));
        using var admin = await host.AdminClientAsync();

        var tests = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => admin.PostAsync("/api/mail/servers/paced/test", null, Cancel)));

        Assert.All(tests, test => Assert.Equal(HttpStatusCode.OK, test.StatusCode));
        var arrivals = sink.ReadMessages().Where(m => m.Recipients.Contains(PortalHost.AdminEmail)).Select(m => m.ArrivedAt).Order().ToList();
        Assert.Equal(3, arrivals.Count);
        // One a second: the three went out over about two seconds, not at once.
        Assert.True(arrivals[^1] - arrivals[0] > TimeSpan.FromSeconds(1.5), $"arrived at {string.Join(", ", arrivals.Select(a => a.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)))}");
    }

    [Theory]
    [InlineData("Mail:Smtp:Servers:1:Name", "first", "more than one server named 'first'")]
    [InlineData("Mail:Smtp:Servers:1:Port", "70000", "Mail:Smtp:Servers:1:Port 70000 is not a TCP port")]
    [InlineData("Mail:Smtp:Servers:1:Host", "", "Mail:Smtp:Servers:1:Host is required")]
    [InlineData("Mail:Smtp:Servers:1:Priority", "0", "Mail:Smtp:Servers:1:Priority 0 must be 1 or more")]
    public async Task A_server_configuration_error_stops_startup_with_a_clear_message(string key, string value, string message)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Mail:Transport"] = "Smtp",
            ["Mail:Smtp:Servers:0:Name"] = "first",
            ["Mail:Smtp:Servers:0:Host"] = "127.0.0.1",
            ["Mail:Smtp:Servers:1:Name"] = "second",
            ["Mail:Smtp:Servers:1:Host"] = "127.0.0.1",
            [key] = value,
        };
        await using var host = new PortalHost(settings);

        var error = Assert.ThrowsAny<Exception>(() => host.StartServer());

        Assert.Contains(message, error.ToString());
    }

    private static Dictionary<string, string?> Servers(params (SmtpSink Sink, string Name, int Priority, double MessagesPerSecond)[] servers)
    {
        var settings = new Dictionary<string, string?> { ["Mail:Smtp:Host"] = "" };
        for (var i = 0; i < servers.Length; i++)
        {
            var (sink, name, priority, pace) = servers[i];
            settings[$"Mail:Smtp:Servers:{i}:Name"] = name;
            settings[$"Mail:Smtp:Servers:{i}:Host"] = sink.Host;
            settings[$"Mail:Smtp:Servers:{i}:Port"] = sink.Port.ToString(CultureInfo.InvariantCulture);
            settings[$"Mail:Smtp:Servers:{i}:Priority"] = priority.ToString(CultureInfo.InvariantCulture);
            settings[$"Mail:Smtp:Servers:{i}:MessagesPerSecond"] = pace.ToString(CultureInfo.InvariantCulture);
            settings[$"Mail:Smtp:Servers:{i}:Connections"] = "2";
        }

        return settings;
    }

    private static List<SinkMessage> MessagesOf(SmtpSink sink, long campaignId) => sink.ReadMessages().OfCampaign(campaignId);
}
