using NonprofitPortal.Features.Operations.ApiDocs;

namespace NonprofitPortal.Features.Campaigns.Api;

/// <param name="ScheduledAt">When sending starts, for a campaign sent for later (status <c>scheduled</c>); otherwise null.</param>
public sealed record LaunchResponse(long CampaignId, CampaignStatus Status, int Total, DateTimeOffset? ScheduledAt = null) : IApiExample<LaunchResponse>
{
    public static LaunchResponse Example => new(311, CampaignStatus.Scheduled, 214, new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
}
