namespace NonprofitPortal.Features.Campaigns.Api;

/// <param name="ScheduledAt">When sending starts, for a campaign sent for later (status <c>scheduled</c>); otherwise null.</param>
public sealed record LaunchResponse(long CampaignId, CampaignStatus Status, int Total, DateTimeOffset? ScheduledAt = null);
