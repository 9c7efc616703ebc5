namespace NonprofitPortal.Features.Webhooks;

/// <summary>An endpoint as pages and the API show it: never its secret.</summary>
public sealed record WebhookSummary(
    long Id, string Url, IReadOnlyList<string> Events, bool Enabled, string CreatedBy, DateTimeOffset CreatedAt,
    DateTimeOffset? DisabledAt, string? DisabledReason)
{
    public static WebhookSummary From(WebhookEndpoint e) =>
        new(e.Id, e.Url, e.EventList, e.Enabled, e.CreatedBy, e.CreatedAt, e.DisabledAt, e.DisabledReason);
}

/// <summary>A new endpoint and its secret, which is shown this once.</summary>
public sealed record CreatedWebhook(WebhookSummary Endpoint, string Secret);

/// <summary>One delivery as the endpoint's page lists it.</summary>
public sealed record WebhookDeliveryRow(
    long Id, string EventId, string Type, DateTimeOffset CreatedAt, WebhookDeliveryStatus Status, int Attempts,
    DateTimeOffset? LastAttemptAt, DateTimeOffset? NextAttemptAt, int? ResponseStatus, string? ResponseBody, string? Error, DateTimeOffset? DeliveredAt);
