namespace NonprofitPortal.Features.Campaigns;

public sealed record CampaignSummary(long Id, string Name, string CreatedBy, DateTimeOffset CreatedAt, CampaignProgress Progress);
