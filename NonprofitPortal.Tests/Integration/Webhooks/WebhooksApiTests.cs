using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Webhooks;

namespace NonprofitPortal.Tests.Integration.Webhooks;

/// <summary>The endpoints' API on the default configuration: private networks refused.</summary>
[Collection(SqliteHostCollection.Name)]
public sealed class WebhooksApiTests(SqliteHost fixture)
{
    // TEST-NET-3: a public address that needs no DNS and that nothing answers; the endpoints are created disabled.
    private const string PublicUrl = "https://203.0.113.10/hooks/portal";

    private PortalHost Host => fixture.Host;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://[::ffff:127.0.0.1]/hook")]
    public async Task An_endpoint_on_this_machine_or_a_private_network_is_refused_by_default(string url)
    {
        using var admin = await Host.AdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/webhooks", new { url, events = new[] { WebhookEventTypes.SendFailed } }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        Assert.Contains("private network", errors.GetProperty("url")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_secret_is_in_the_201_alone_and_an_endpoint_can_be_changed_and_deleted()
    {
        using var admin = await Host.AdminClientAsync();

        var created = await admin.PostAsJsonAsync("/api/webhooks", new { url = PublicUrl, events = new[] { WebhookEventTypes.CampaignCompleted }, enabled = false }, Cancel);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var id = body.GetProperty("id").GetInt64();
        var got = await admin.GetStringAsync($"/api/webhooks/{id}", Cancel);
        var listed = await admin.GetStringAsync("/api/webhooks", Cancel);
        var updated = await admin.PutAsJsonAsync($"/api/webhooks/{id}", new { url = PublicUrl, events = new[] { WebhookEventTypes.SendFailed, WebhookEventTypes.CampaignStarted }, enabled = false }, Cancel);
        var afterUpdate = await updated.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var deliveries = await admin.GetFromJsonAsync<JsonElement>($"/api/webhooks/{id}/deliveries", Cancel);
        var deleted = await admin.DeleteAsync($"/api/webhooks/{id}", Cancel);
        var gone = await admin.GetAsync($"/api/webhooks/{id}", Cancel);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/webhooks/{id}", created.Headers.Location?.OriginalString);
        Assert.Matches("^whsec_[0-9a-f]{64}$", body.GetProperty("secret").GetString());
        Assert.DoesNotContain("secret", got, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secret", listed, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(PublicUrl, listed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal([WebhookEventTypes.CampaignStarted, WebhookEventTypes.SendFailed], afterUpdate.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0, deliveries.GetArrayLength());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Unknown_events_and_urls_that_are_not_http_are_refused_and_staff_may_not_manage_webhooks()
    {
        using var admin = await Host.AdminClientAsync();
        await Host.CreateUserAsync("webhooks-staff@portal.test", "Staff-Test-Pass-1!", BuiltInRoles.Staff);
        using var staff = await Host.ClientWithTokenAsync("webhooks-staff@portal.test", "Staff-Test-Pass-1!");

        var unknownEvent = await admin.PostAsJsonAsync("/api/webhooks", new { url = PublicUrl, events = new[] { "campaign.exploded" } }, Cancel);
        var notHttp = await admin.PostAsJsonAsync("/api/webhooks", new { url = "ftp://203.0.113.10/", events = new[] { WebhookEventTypes.SendFailed } }, Cancel);
        var byStaff = await staff.GetAsync("/api/webhooks", Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, unknownEvent.StatusCode);
        Assert.Contains("campaign.exploded", await unknownEvent.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, notHttp.StatusCode);
        Assert.Contains("http", (await notHttp.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").GetProperty("url")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, byStaff.StatusCode);
    }
}
