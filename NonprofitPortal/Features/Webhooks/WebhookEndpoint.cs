namespace NonprofitPortal.Features.Webhooks;

/// <summary>A URL that receives the events it subscribes to, signed with its own secret.</summary>
public sealed class WebhookEndpoint
{
    public const int MaxUrlLength = 2000;
    public const int MaxEventsLength = 500;
    public const int MaxReasonLength = 500;

    public long Id { get; set; }

    public string Url { get; set; } = "";

    /// <summary>The subscribed event types, separated by commas.</summary>
    public string Events { get; set; } = "";

    public bool Enabled { get; set; } = true;

    /// <summary>The signing secret, protected with the app's Data Protection keys (shared by every node); shown once, at creation.</summary>
    public string ProtectedSecret { get; set; } = "";

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the portal disabled it because a delivery kept failing (null when an admin disabled it, or it is enabled).</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    public string? DisabledReason { get; set; }

    public IReadOnlyList<string> EventList => Events.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
