using System.Text;
using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Accounts;

namespace NonprofitPortal.Features.Webhooks.Delivery;

/// <summary>
/// Sends what the outbox holds. Each enabled endpoint gets its pending deliveries strictly in
/// order: one that fails blocks the ones after it until it is delivered, or until the
/// <see cref="WebhookRetryPolicy"/> gives up on it, which disables the endpoint. Endpoints are
/// served side by side, so a slow one does not hold the others up. Runs on one node at a time
/// (<see cref="DeliverWebhooksJob"/>), which is what keeps each endpoint's order.
/// </summary>
public sealed partial class WebhookDispatcher(
    IDbContextFactory<AppDbContext> contextFactory,
    IHttpClientFactory httpClients,
    WebhookSecrets secrets,
    WebhookSubscriptions subscriptions,
    AuditLog auditLog,
    TimeProvider time,
    ILogger<WebhookDispatcher> logger)
{
    public const string HttpClientName = "webhooks";

    private const int DeliveriesPerEndpointPerRun = 50;
    private const int EndpointsAtOnce = 4;

    private static readonly WebhookRetryPolicy Policy = WebhookRetryPolicy.Default;

    /// <returns>How many deliveries were attempted.</returns>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        List<long> due;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            // Endpoints whose head (oldest pending delivery) is due.
            due = await db.WebhookEndpoints
                .Where(e => e.Enabled)
                .Where(e => db.WebhookDeliveries
                    .Where(d => d.EndpointId == e.Id && d.Status == WebhookDeliveryStatus.Pending)
                    .OrderBy(d => d.Id)
                    .Take(1)
                    .Any(d => d.NextAttemptAt <= now))
                .Select(e => e.Id)
                .ToListAsync(cancellationToken);
        }

        var attempted = 0;
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = EndpointsAtOnce, CancellationToken = cancellationToken }, async (endpointId, token) =>
            Interlocked.Add(ref attempted, await DeliverToAsync(endpointId, token)));
        return attempted;
    }

    private async Task<int> DeliverToAsync(long endpointId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.WebhookEndpoints.SingleOrDefaultAsync(e => e.Id == endpointId && e.Enabled, cancellationToken) is not { } endpoint)
        {
            return 0;
        }

        var secret = secrets.Unprotect(endpoint.ProtectedSecret);
        var pending = await db.WebhookDeliveries
            .Where(d => d.EndpointId == endpointId && d.Status == WebhookDeliveryStatus.Pending)
            .OrderBy(d => d.Id)
            .Take(DeliveriesPerEndpointPerRun)
            .ToListAsync(cancellationToken);
        var attempted = 0;
        foreach (var delivery in pending)
        {
            var now = time.GetUtcNow();
            if (delivery.NextAttemptAt > now)
            {
                break;
            }

            var answer = await PostAsync(endpoint.Url, secret, delivery, now, cancellationToken);
            attempted++;
            delivery.Attempts++;
            delivery.LastAttemptAt = now;
            (delivery.ResponseStatus, delivery.ResponseBody, delivery.Error) = (answer.Status, answer.Body, answer.Error);
            if (answer.Succeeded)
            {
                delivery.Status = WebhookDeliveryStatus.Delivered;
                delivery.DeliveredAt = time.GetUtcNow();
                await db.SaveChangesAsync(cancellationToken);
                continue;
            }

            var verdict = Policy.AfterFailure(delivery.CreatedAt, delivery.Attempts, now, Random.Shared.NextDouble());
            if (verdict.RetryAt is { } retryAt)
            {
                delivery.NextAttemptAt = retryAt;
                await db.SaveChangesAsync(cancellationToken);
                LogRetry(delivery.Id, endpointId, answer.Describe(), retryAt);
                break;
            }

            delivery.Status = WebhookDeliveryStatus.Failed;
            endpoint.Enabled = false;
            endpoint.DisabledAt = now;
            endpoint.DisabledReason = Truncate(
                $"Delivery {delivery.Id} ({delivery.Type}) got no 2xx answer for {Policy.Window.TotalHours:0} hours; the last: {answer.Describe()}",
                WebhookEndpoint.MaxReasonLength);
            auditLog.Add(db, Actor.System, WebhookAuditActions.Disabled, endpoint.Url, endpoint.DisabledReason);
            await db.SaveChangesAsync(cancellationToken);
            subscriptions.Invalidate();
            LogDisabled(endpointId, endpoint.Url, answer.Describe());
            break;
        }

        return attempted;
    }

    private async Task<Answer> PostAsync(string url, string secret, WebhookDelivery delivery, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Header(secret, now.ToUnixTimeSeconds(), delivery.Body));
        request.Headers.Add("X-NonprofitPortal-Event", delivery.Type);
        request.Headers.Add("X-NonprofitPortal-Delivery", delivery.EventId);
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return new Answer((int)response.StatusCode, await ReadStartAsync(response, cancellationToken), null);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var error = exception is TaskCanceledException ? "The receiver did not answer in time." : exception.Message;
            return new Answer(null, null, Truncate(error, WebhookDelivery.MaxErrorLength));
        }
    }

    /// <summary>The start of the answer, for the deliveries page: a receiver's whole page is not kept.</summary>
    private static async Task<string> ReadStartAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var buffer = new char[WebhookDelivery.MaxResponseLength];
        var read = await reader.ReadBlockAsync(buffer, cancellationToken);
        return new string(buffer, 0, read);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    private sealed record Answer(int? Status, string? Body, string? Error)
    {
        public bool Succeeded => Status is >= 200 and < 300;

        public string Describe() => Status is { } status ? $"HTTP {status}" : Error ?? "no answer";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook delivery {DeliveryId} to endpoint {EndpointId} failed ({Answer}); next attempt at {RetryAt:u}")]
    private partial void LogRetry(long deliveryId, long endpointId, string answer, DateTimeOffset retryAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook endpoint {EndpointId} ({Url}) was disabled: a delivery kept failing ({Answer})")]
    private partial void LogDisabled(long endpointId, string url, string answer);
}
