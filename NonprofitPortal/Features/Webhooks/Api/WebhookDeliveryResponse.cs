using System.Text.Json;

namespace NonprofitPortal.Features.Webhooks.Api;

/// <summary><c>status</c> is <c>pending</c>, <c>delivered</c> or <c>failed</c>; <c>nextAttemptAt</c> only while pending.</summary>
public sealed record WebhookDeliveryResponse(
    long Id, string EventId, string Type, DateTimeOffset CreatedAt, string Status, int Attempts, DateTimeOffset? LastAttemptAt,
    DateTimeOffset? NextAttemptAt, int? ResponseStatus, string? ResponseBody, string? Error, DateTimeOffset? DeliveredAt)
{
    public static WebhookDeliveryResponse From(WebhookDeliveryRow d) => new(
        d.Id, d.EventId, d.Type, d.CreatedAt, JsonNamingPolicy.CamelCase.ConvertName(d.Status.ToString()), d.Attempts, d.LastAttemptAt,
        d.NextAttemptAt, d.ResponseStatus, d.ResponseBody, d.Error, d.DeliveredAt);
}
