namespace NonprofitPortal.Features.Campaigns;

public static class CampaignRules
{
    /// <summary>The stored key is the user's id, a colon, and the header's value.</summary>
    public const int MaxIdempotencyKeyLength = 450 + 1 + MaxIdempotencyHeaderLength;

    public const int MaxIdempotencyHeaderLength = 200;

    public static bool CanPause(CampaignStatus status) => status is CampaignStatus.Queued or CampaignStatus.Sending;

    public static bool CanResume(CampaignStatus status) => status == CampaignStatus.Paused;

    /// <summary>How far ahead a campaign may be scheduled.</summary>
    public static readonly TimeSpan MaxScheduleAhead = TimeSpan.FromDays(366);

    public static bool CanCancel(CampaignStatus status) =>
        status is CampaignStatus.AwaitingApproval or CampaignStatus.Scheduled or CampaignStatus.Queued or CampaignStatus.Sending or CampaignStatus.Paused;

    public static bool CanRetryFailed(CampaignStatus status, int failed) => failed > 0 && status is not (CampaignStatus.Cancelled or CampaignStatus.Rejected);
}
