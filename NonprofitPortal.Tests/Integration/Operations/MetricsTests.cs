using System.Net;
using System.Net.Http.Headers;
using NonprofitPortal.Tests.Infrastructure;
using NonprofitPortal.Tests.Integration.Campaigns;

namespace NonprofitPortal.Tests.Integration.Operations;

/// <summary><c>/metrics</c> on a real host that sends a real campaign into smtp-sink.</summary>
public sealed class MetricsTests(PostgresServer postgres)
{
    private readonly SendingHosts _hosts = new(postgres, onPostgres: false);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metrics_count_the_messages_sent_their_latency_the_queue_the_campaigns_and_the_http_requests()
    {
        await using var sink = await SendingHosts.StartSinkAsync();
        await using var host = await _hosts.StartAsync(sink);
        var api = new CampaignApi(await host.AdminClientAsync());
        await api.ImportRecipientsAsync("metered", 6);
        var launched = await api.LaunchToTagAsync("metered");
        await api.WaitUntilFinishedAsync(launched.CampaignId);
        using var scraper = host.CreateClient();

        // Outcomes are counted just after their transaction commits, a moment after the campaign reads as completed.
        var metrics = await Eventually.GetAsync(
            async () => await ScrapeAsync(scraper) is var m && m.Value("nonprofitportal_sending_messages_sent_total", ("server", sink.Host)) == 6 ? m : null,
            "the sent counter to reach 6");

        Assert.Equal(6, metrics.Value("nonprofitportal_sending_send_duration_seconds_count", ("server", sink.Host)));
        Assert.True(metrics.Value("nonprofitportal_sending_send_duration_seconds_sum", ("server", sink.Host)) > 0);
        Assert.Equal(6, metrics.Value("nonprofitportal_sending_send_duration_seconds_bucket", ("server", sink.Host), ("le", "+Inf")));
        Assert.Null(metrics.Value("nonprofitportal_sending_messages_failed_total", ("server", sink.Host)));
        Assert.Equal(0, metrics.Value("nonprofitportal_sending_queue_depth"));
        Assert.Equal(1, metrics.Value("nonprofitportal_campaigns", ("status", "completed")));
        Assert.Equal(0, metrics.Value("nonprofitportal_campaigns", ("status", "sending")));
        Assert.Equal(1, metrics.Value("http_server_request_duration_seconds_count", ("http_route", "/api/campaigns/"), ("http_request_method", "POST"), ("http_response_status_code", "202")));
        Assert.All(metrics.Samples("nonprofitportal_sending_messages_sent_total"), s => Assert.Equal(["otel_scope_name", "server"], s.Labels.Keys.Order()));
    }

    [Fact]
    public async Task Messages_meeting_a_dead_server_are_counted_as_retried_and_wait_in_the_queue()
    {
        await using var sink = await SendingHosts.StartSinkAsync();
        await using var host = await _hosts.StartAsync(sink);
        await sink.StopAsync();
        var api = new CampaignApi(await host.AdminClientAsync());
        await api.ImportRecipientsAsync("waiting", 4);
        await api.LaunchToTagAsync("waiting");
        using var scraper = host.CreateClient();

        // The gauges are read from the database at most every 5 seconds; the counters move at once.
        var metrics = await Eventually.GetAsync(
            async () => await ScrapeAsync(scraper) is var m
                && m.Value("nonprofitportal_sending_queue_depth") == 4
                && m.Value("nonprofitportal_campaigns", ("status", "sending")) == 1
                && m.Samples("nonprofitportal_sending_messages_retried_total").Sum(s => s.Value) > 0 ? m : null,
            "the 4 messages to wait in the queue of a sending campaign after a retry", TimeSpan.FromSeconds(30));

        Assert.Null(metrics.Value("nonprofitportal_sending_messages_sent_total", ("server", sink.Host)));
    }

    [Fact]
    public async Task A_cancelled_campaigns_unsent_messages_leave_the_queue_depth()
    {
        await using var sink = await SendingHosts.StartSinkAsync();
        await using var host = await _hosts.StartAsync(sink);
        var api = new CampaignApi(await host.AdminClientAsync());
        await api.ImportRecipientsAsync("called-off", 3);
        var scheduled = await api.ScheduleToTagAsync("called-off", DateTimeOffset.UtcNow.AddHours(1));
        using var scraper = host.CreateClient();
        await Eventually.GetAsync(
            async () => await ScrapeAsync(scraper) is var m && m.Value("nonprofitportal_sending_queue_depth") == 3 ? m : null,
            "the scheduled campaign's 3 messages in the queue depth", TimeSpan.FromSeconds(30));

        Assert.True((await api.SteerAsync(scheduled.CampaignId, "cancel")).IsSuccessStatusCode);

        var metrics = await Eventually.GetAsync(
            async () => await ScrapeAsync(scraper) is var m && m.Value("nonprofitportal_campaigns", ("status", "cancelled")) == 1 ? m : null,
            "the cancelled campaign in the gauges", TimeSpan.FromSeconds(30));
        Assert.Equal(0, metrics.Value("nonprofitportal_sending_queue_depth"));
    }

    [Fact]
    public async Task With_a_scrape_token_metrics_need_it()
    {
        await using var host = new PortalHost(new Dictionary<string, string?> { ["Metrics:ScrapeToken"] = "scrape-secret" });
        using var client = host.CreateClient();

        var without = await client.GetAsync("/metrics", Cancel);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "scrape-secret") } };
        var with = await client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
        Assert.Contains("nonprofitportal_sending_queue_depth", await with.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_can_be_switched_off()
    {
        await using var host = new PortalHost(new Dictionary<string, string?> { ["Metrics:Enabled"] = "false" });
        using var client = host.CreateClient();

        var response = await client.GetAsync("/metrics", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<PrometheusText> ScrapeAsync(HttpClient client)
    {
        var response = await client.GetAsync("/metrics", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return new PrometheusText(await response.Content.ReadAsStringAsync(Cancel));
    }
}
