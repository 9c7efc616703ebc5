namespace NonprofitPortal.Features.Campaigns.Reports;

/// <summary>What to add to one hour of a campaign's <see cref="CampaignActivity"/>.</summary>
public sealed record ActivityCounts(int Sent = 0, int Failed = 0, int Bounced = 0, int Complained = 0, int Opens = 0, int Clicks = 0)
{
    public bool IsEmpty => Sent == 0 && Failed == 0 && Bounced == 0 && Complained == 0 && Opens == 0 && Clicks == 0;
}
