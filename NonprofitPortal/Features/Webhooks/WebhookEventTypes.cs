namespace NonprofitPortal.Features.Webhooks;

/// <summary>The events an endpoint may subscribe to; the names are the contract of the <c>type</c> field.</summary>
public static class WebhookEventTypes
{
    public const string CampaignStarted = "campaign.started";
    public const string CampaignCompleted = "campaign.completed";
    public const string CampaignCancelled = "campaign.cancelled";
    public const string SendFailed = "send.failed";
    public const string NonprofitUnsubscribed = "nonprofit.unsubscribed";
    public const string NonprofitSuppressed = "nonprofit.suppressed";

    /// <summary>Sent only by "send a test event", whatever the endpoint subscribes to.</summary>
    public const string Test = "webhook.test";

    public static IReadOnlyList<string> All { get; } =
        [CampaignStarted, CampaignCompleted, CampaignCancelled, SendFailed, NonprofitUnsubscribed, NonprofitSuppressed];

    public static bool IsKnown(string type) => All.Contains(type, StringComparer.Ordinal);
}
