namespace NonprofitPortal.Features.Campaigns.Api;

public sealed record LaunchResponse(long CampaignId, CampaignStatus Status, int Total);
