namespace NonprofitPortal.Features.Sending.Transport;

/// <summary>What one server made of one message. A server that could not be reached throws <see cref="ServerUnavailableException"/> instead.</summary>
public abstract record Delivery(string Reply)
{
    /// <summary>The server took the message; <see cref="Delivery.Reply"/> usually holds its queue id.</summary>
    public sealed record Accepted(string Reply) : Delivery(Reply);

    /// <summary>A 5xx answer: this message will not go through, however often it is tried.</summary>
    public sealed record Rejected(string Reply) : Delivery(Reply);

    /// <summary>A 4xx answer about this message. <paramref name="SlowDown"/> when the server asked to be sent less (421, 450, 451).</summary>
    public sealed record Deferred(string Reply, bool SlowDown) : Delivery(Reply);
}
