namespace NonprofitPortal.Features.Campaigns;

public enum CampaignStatus
{
    /// <summary>Launched; becomes <see cref="Sending"/> when the first batch is claimed.</summary>
    Queued = 0,
    Sending = 1,
    Paused = 2,
    Completed = 3,
    Cancelled = 4,

    /// <summary>Waiting for its send time (<see cref="Campaign.ScheduledAt"/>); becomes <see cref="Queued"/> then, once across all nodes.</summary>
    Scheduled = 5,
}
