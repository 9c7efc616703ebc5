namespace NonprofitPortal.Features.Webhooks;

/// <summary>
/// One event for one endpoint: the outbox row, written in the transaction of the change it
/// reports, with its body fixed then. Ids grow with each row, so they give an endpoint's order.
/// </summary>
public sealed class WebhookDelivery
{
    public const int MaxEventIdLength = 40;
    public const int MaxTypeLength = 50;
    public const int MaxResponseLength = 1000;
    public const int MaxErrorLength = 1000;

    public long Id { get; set; }

    public long EndpointId { get; set; }

    /// <summary>The event's id, the same in every endpoint's copy (receivers use it to ignore repeats).</summary>
    public string EventId { get; set; } = "";

    public string Type { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The JSON body <c>{id, type, createdAt, data}</c>, exactly as it is sent and signed.</summary>
    public string Body { get; set; } = "";

    public WebhookDeliveryStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    public int? ResponseStatus { get; set; }

    /// <summary>The start of the receiver's answer to the last attempt.</summary>
    public string? ResponseBody { get; set; }

    /// <summary>Why the last attempt got no answer (timeout, refused connection, address not allowed).</summary>
    public string? Error { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }
}
