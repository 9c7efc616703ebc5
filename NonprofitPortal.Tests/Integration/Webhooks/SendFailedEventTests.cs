using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Webhooks;
using NonprofitPortal.Features.Webhooks.Delivery;
using NonprofitPortal.Tests.Infrastructure;
using NonprofitPortal.Tests.Integration.Campaigns;

namespace NonprofitPortal.Tests.Integration.Webhooks;

/// <summary>A message refused for good by a real smtp-sink reaches a real receiver as one signed <c>send.failed</c>.</summary>
public sealed class SendFailedEventTests
{
    private const string Refusal = "550 5.1.1 No such user here";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_permanent_refusal_raises_one_signed_send_failed_and_a_delivered_message_raises_none()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sink = await SendingHosts.StartSinkAsync(new SmtpSinkOptions { HardErrorCommands = ["RCPT"], HardErrorReply = Refusal });
        await using var host = new PortalHost(new Dictionary<string, string?>(SendingHosts.Settings(sink)) { ["Webhooks:AllowPrivateNetworks"] = "true" });
        host.StartServer();
        await host.PauseClusterJobsAsync();
        var admin = await host.AdminClientAsync();
        var created = await admin.PostAsJsonAsync("/api/webhooks", new { url = receiver.Url, events = new[] { WebhookEventTypes.SendFailed } }, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var secret = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("secret").GetString()!;
        var api = new CampaignApi(admin);
        var refusedEmail = Assert.Single(await api.ImportRecipientsAsync("refused", 1));
        await api.ImportRecipientsAsync("accepted", 1);

        var refused = await api.LaunchToTagAsync("refused");
        var refusedFinished = await api.WaitUntilFinishedAsync(refused.CampaignId);
        await sink.RestartAsync(new SmtpSinkOptions(), Cancel);
        var accepted = await api.LaunchToTagAsync("accepted");
        var acceptedFinished = await api.WaitUntilFinishedAsync(accepted.CampaignId);
        await host.Services.GetRequiredService<WebhookDispatcher>().DeliverDueAsync(Cancel);

        Assert.Equal((0, 1), (refusedFinished.Sent, refusedFinished.Failed));
        Assert.Equal((1, 0), (acceptedFinished.Sent, acceptedFinished.Failed));
        Assert.Single(sink.ReadMessages().OfCampaign(accepted.CampaignId));
        var received = Assert.Single(receiver.Received);
        Assert.True(WebhookSignature.Verify(secret, received.Signature, received.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)), received.Signature);
        var body = JsonDocument.Parse(received.Body).RootElement;
        Assert.Equal(WebhookEventTypes.SendFailed, body.GetProperty("type").GetString());
        var data = body.GetProperty("data");
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Cancel);
        var send = await db.EmailSends.SingleAsync(s => s.CampaignId == refused.CampaignId, Cancel);
        Assert.Equal(
            (refused.CampaignId, send.Id, refusedEmail, Refusal),
            (data.GetProperty("campaignId").GetInt64(), data.GetProperty("sendId").GetInt64(), data.GetProperty("email").GetString(), data.GetProperty("error").GetString()));
        Assert.Equal(1, await db.WebhookDeliveries.CountAsync(Cancel));
    }
}
