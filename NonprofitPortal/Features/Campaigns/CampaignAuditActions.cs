namespace NonprofitPortal.Features.Campaigns;

public static class CampaignAuditActions
{
    public const string Launched = "campaign.launched";
    public const string Approved = "campaign.approved";
    public const string Rejected = "campaign.rejected";
    public const string Started = "campaign.started";
    public const string Paused = "campaign.paused";
    public const string Resumed = "campaign.resumed";
    public const string Cancelled = "campaign.cancelled";
    public const string RetriedFailed = "campaign.retried-failed";
    public const string Unsubscribed = "nonprofit.unsubscribed";
}
