namespace NonprofitPortal.Features.Campaigns;

/// <summary>A tracked campaign's opens and clicks: every hit, and the messages with at least one.</summary>
public sealed record CampaignHits(int Opens, int UniqueOpens, int Clicks, int UniqueClicks)
{
    public static CampaignHits None { get; } = new(0, 0, 0, 0);
}
