namespace NonprofitPortal.Features.Campaigns;

/// <summary>A campaign's counters at one moment, as pages, the API and (later) the hub show them.</summary>
public sealed record CampaignProgress(
    long Id,
    CampaignStatus Status,
    int Total,
    int Sent,
    int Failed,
    int Skipped,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    double RatePerSecond)
{
    public int Pending => Total - Sent - Failed - Skipped;

    public int Done => Sent + Failed + Skipped;

    public bool IsFinished => Status is CampaignStatus.Completed or CampaignStatus.Cancelled;
}
