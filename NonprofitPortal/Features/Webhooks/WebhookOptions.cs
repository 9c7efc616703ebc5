namespace NonprofitPortal.Features.Webhooks;

/// <summary>How outgoing webhooks are delivered (<c>Webhooks:*</c>).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Lets endpoints be on loopback, link-local and private addresses (tests; an intranet receiver).</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>How often the outbox is read for due deliveries (once for the whole cluster).</summary>
    public double PollSeconds { get; set; } = 5;

    /// <summary>How long a receiver has to answer one delivery.</summary>
    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>How long a node trusts what it last read of which endpoints subscribe to what (changes made on this node count at once).</summary>
    public double SubscriptionRefreshSeconds { get; set; } = 15;

    public TimeSpan Poll => TimeSpan.FromSeconds(PollSeconds);

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    public TimeSpan SubscriptionRefresh => TimeSpan.FromSeconds(SubscriptionRefreshSeconds);
}
