using NonprofitPortal.Features.Tracking;

namespace NonprofitPortal.Features.Campaigns;

public sealed record CampaignSummary(long Id, string Name, string CreatedBy, DateTimeOffset CreatedAt, CampaignProgress Progress)
{
    public TrackingChoice Tracking { get; init; } = TrackingChoice.None;
}
