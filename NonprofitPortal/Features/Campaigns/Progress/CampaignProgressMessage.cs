namespace NonprofitPortal.Features.Campaigns.Progress;

/// <summary>What hub clients receive as <c>progress</c>: the same numbers as <c>GET /api/campaigns/{id}</c>.</summary>
public sealed record CampaignProgressMessage(
    long CampaignId, CampaignStatus Status, int Total, int Sent, int Failed, int Pending, double RatePerSecond)
{
    public static CampaignProgressMessage From(CampaignProgress progress) => new(
        progress.Id, progress.Status, progress.Total, progress.Sent, progress.Failed, progress.Pending, progress.RatePerSecond);
}
