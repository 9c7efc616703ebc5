using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Nonprofits;
using NonprofitPortal.Features.Webhooks;
using NonprofitPortal.Features.Webhooks.Delivery;
using NonprofitPortal.Tests.Integration.Campaigns;

namespace NonprofitPortal.Tests.Integration.Webhooks;

/// <summary>Events from a real host to a real receiver on loopback, with the delivery job driven by the test.</summary>
public sealed class WebhookDeliveryTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Campaign_events_arrive_signed_and_in_order_and_are_sent_again_after_500s()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.FailFirst = 2;
        await using var host = await StartHostAsync();
        var admin = await host.AdminClientAsync();
        var created = await CreateAsync(admin, receiver.Url, WebhookEventTypes.CampaignStarted, WebhookEventTypes.CampaignCompleted);
        var api = new CampaignApi(admin);
        await api.ImportRecipientsAsync("hooked", 3);
        var launched = await api.LaunchToTagAsync("hooked");
        await api.WaitUntilFinishedAsync(launched.CampaignId);

        await DeliverAsync(host);
        var afterFirstFailure = await DeliveriesAsync(admin, created.Id);
        await DeliverAsync(host);
        var tooEarly = receiver.Received.Count;
        await MakeDueAsync(host);
        await DeliverAsync(host);
        await MakeDueAsync(host);
        await DeliverAsync(host);

        var received = receiver.Received;
        Assert.Equal([500, 500, 200, 200], received.Select(r => r.AnsweredWith));
        Assert.Equal(1, tooEarly);
        Assert.Equal(
            [WebhookEventTypes.CampaignStarted, WebhookEventTypes.CampaignStarted, WebhookEventTypes.CampaignStarted, WebhookEventTypes.CampaignCompleted],
            received.Select(r => Json(r.Body).GetProperty("type").GetString()));
        Assert.All(received, r => Assert.True(WebhookSignature.Verify(created.Secret, r.Signature, r.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)), r.Signature));
        Assert.All(received, r => Assert.StartsWith("NonprofitPortal-Webhooks/", r.UserAgent, StringComparison.Ordinal));
        var completed = Json(received[^1].Body);
        Assert.Equal(launched.CampaignId, completed.GetProperty("data").GetProperty("campaignId").GetInt64());
        Assert.Equal("completed", completed.GetProperty("data").GetProperty("status").GetString());
        Assert.Equal(3, completed.GetProperty("data").GetProperty("sent").GetInt32());
        Assert.StartsWith("evt_", completed.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal(received[0].Body, received[2].Body);

        var tampered = received[^1].Body.Replace("\"sent\":3", "\"sent\":4", StringComparison.Ordinal);
        Assert.NotEqual(received[^1].Body, tampered);
        Assert.False(WebhookSignature.Verify(created.Secret, received[^1].Signature, tampered, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));

        var pending = Assert.Single(afterFirstFailure, d => d.Type == WebhookEventTypes.CampaignStarted);
        Assert.Equal(("pending", 1, 500), (pending.Status, pending.Attempts, pending.ResponseStatus));
        Assert.Equal("receiver down", pending.ResponseBody);
        Assert.True(pending.NextAttemptAt > DateTimeOffset.UtcNow, "a failed delivery waits before its next attempt");
        var deliveries = await DeliveriesAsync(admin, created.Id);
        Assert.Equal(
            [(WebhookEventTypes.CampaignCompleted, "delivered", 1, 200), (WebhookEventTypes.CampaignStarted, "delivered", 3, 200)],
            deliveries.Select(d => (d.Type, d.Status, d.Attempts, d.ResponseStatus ?? 0)));
    }

    [Fact]
    public async Task Nonprofit_events_arrive_and_an_endpoint_failing_for_a_day_is_disabled()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await StartHostAsync();
        var admin = await host.AdminClientAsync();
        var created = await CreateAsync(admin, receiver.Url, WebhookEventTypes.NonprofitSuppressed, WebhookEventTypes.NonprofitUnsubscribed);
        await new CampaignApi(admin).ImportRecipientsAsync("eventful", 2);
        var nonprofits = await NonprofitIdsAsync(host, "eventful");
        var suppression = host.Services.GetRequiredService<NonprofitSuppression>();

        await suppression.SuppressAsync(nonprofits[0], SuppressionReasons.HardBounce, Actor.System, "550 no such user", Cancel);
        await suppression.SuppressAsync(nonprofits[0], SuppressionReasons.HardBounce, Actor.System, "550 again", Cancel);
        await suppression.OptOutAsync(nonprofits[1], Actor.System, "complaint", Cancel);
        await DeliverAsync(host);

        Assert.Equal(
            [(WebhookEventTypes.NonprofitSuppressed, nonprofits[0], "hard-bounce"), (WebhookEventTypes.NonprofitUnsubscribed, nonprofits[1], "complaint")],
            receiver.Received.Select(r => Json(r.Body)).Select(b => (b.GetProperty("type").GetString(), b.GetProperty("data").GetProperty("nonprofitId").GetInt64(), b.GetProperty("data").GetProperty("reason").GetString())));

        receiver.FailFirst = int.MaxValue;
        await suppression.SuppressAsync(nonprofits[1], SuppressionReasons.Manual, Actor.System, null, Cancel);
        await using (var db = await DatabaseAsync(host))
        {
            // A day has gone by since the event, every attempt answered with a 500.
            await db.WebhookDeliveries.Where(d => d.Status == WebhookDeliveryStatus.Pending)
                .ExecuteUpdateAsync(d => d.SetProperty(x => x.CreatedAt, DateTimeOffset.UtcNow.AddHours(-25)), Cancel);
        }

        await DeliverAsync(host);

        var endpoint = await admin.GetFromJsonAsync<JsonElement>($"/api/webhooks/{created.Id}", Cancel);
        Assert.False(endpoint.GetProperty("enabled").GetBoolean());
        Assert.Contains("HTTP 500", endpoint.GetProperty("disabledReason").GetString(), StringComparison.Ordinal);
        Assert.Equal("failed", (await DeliveriesAsync(admin, created.Id))[0].Status);
        Assert.Single(await host.Services.GetRequiredService<WebhookService>().DisabledByFailuresAsync(Cancel), e => e.Id == created.Id);
        await suppression.OptOutAsync(nonprofits[0], Actor.System, "complaint", Cancel);
        await using (var db = await DatabaseAsync(host))
        {
            Assert.Equal(3, await db.WebhookDeliveries.CountAsync(d => d.EndpointId == created.Id, Cancel));
        }
    }

    [Fact]
    public async Task Staff_opting_a_nonprofit_out_raises_unsubscribed_and_opting_it_back_in_raises_nothing()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await StartHostAsync();
        var admin = await host.AdminClientAsync();
        await CreateAsync(admin, receiver.Url, WebhookEventTypes.NonprofitUnsubscribed);
        await new CampaignApi(admin).ImportRecipientsAsync("byhand", 1);
        var nonprofit = Assert.Single(await NonprofitIdsAsync(host, "byhand"));
        var editor = host.Services.GetRequiredService<NonprofitEditor>();
        var staff = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, PortalHost.AdminEmail)], "test"));

        await editor.SetOptedOutAsync(nonprofit, optedOut: true, staff, Cancel);
        await editor.SetOptedOutAsync(nonprofit, optedOut: true, staff, Cancel);
        await editor.SetOptedOutAsync(nonprofit, optedOut: false, staff, Cancel);
        await DeliverAsync(host);

        var received = Json(Assert.Single(receiver.Received).Body);
        Assert.Equal(WebhookEventTypes.NonprofitUnsubscribed, received.GetProperty("type").GetString());
        Assert.Equal(nonprofit, received.GetProperty("data").GetProperty("nonprofitId").GetInt64());
        Assert.Equal("staff", received.GetProperty("data").GetProperty("reason").GetString());
    }

    private static async Task<PortalHost> StartHostAsync()
    {
        var host = new PortalHost(new Dictionary<string, string?> { ["Webhooks:AllowPrivateNetworks"] = "true" });
        host.StartServer();
        await host.PauseClusterJobsAsync();
        return host;
    }

    private static async Task<CreatedEndpoint> CreateAsync(HttpClient admin, Uri url, params string[] events)
    {
        var response = await admin.PostAsJsonAsync("/api/webhooks", new { url, events }, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CreatedEndpoint>(Cancel))!;
    }

    private static async Task<List<DeliveryRow>> DeliveriesAsync(HttpClient admin, long id) =>
        (await admin.GetFromJsonAsync<List<DeliveryRow>>($"/api/webhooks/{id}/deliveries", Cancel))!;

    private static Task<int> DeliverAsync(PortalHost host) => host.Services.GetRequiredService<WebhookDispatcher>().DeliverDueAsync(Cancel);

    /// <summary>The backoff's wait, over: the test does not sleep through it.</summary>
    private static async Task MakeDueAsync(PortalHost host)
    {
        await using var db = await DatabaseAsync(host);
        await db.WebhookDeliveries.Where(d => d.Status == WebhookDeliveryStatus.Pending)
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.NextAttemptAt, DateTimeOffset.UtcNow.AddSeconds(-1)), Cancel);
    }

    private static async Task<List<long>> NonprofitIdsAsync(PortalHost host, string tag)
    {
        await using var db = await DatabaseAsync(host);
        return await db.Nonprofits.Where(n => n.EmailDomain == $"{tag}.example").OrderBy(n => n.Id).Select(n => n.Id).ToListAsync(Cancel);
    }

    private static Task<AppDbContext> DatabaseAsync(PortalHost host) =>
        host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Cancel);

    private static JsonElement Json(string body) => JsonDocument.Parse(body).RootElement;

    private sealed record CreatedEndpoint(long Id, string Url, List<string> Events, bool Enabled, string Secret);

    private sealed record DeliveryRow(long Id, string Type, string Status, int Attempts, int? ResponseStatus, string? ResponseBody, DateTimeOffset? NextAttemptAt);
}
