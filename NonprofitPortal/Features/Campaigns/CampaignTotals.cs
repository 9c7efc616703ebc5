namespace NonprofitPortal.Features.Campaigns;

public sealed record CampaignTotals(int Sent, int Failed);
