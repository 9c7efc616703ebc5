namespace NonprofitPortal.Features.Campaigns.Api;

public sealed record CampaignListResponse(IReadOnlyList<CampaignResponse> Items, int TotalCount);
