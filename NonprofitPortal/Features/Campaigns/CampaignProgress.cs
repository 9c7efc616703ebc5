namespace NonprofitPortal.Features.Campaigns;

/// <summary>A campaign's counters at one moment, as pages, the API and the hub show them.</summary>
public sealed record CampaignProgress(
    long Id,
    CampaignStatus Status,
    int Total,
    int Sent,
    int Failed,
    int Skipped,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    double RatePerSecond,
    DateTimeOffset? ScheduledAt = null,
    int Bounced = 0,
    int Complained = 0)
{
    // Beyond this an estimate says nothing useful, and as the rate nears zero it would overflow a TimeSpan.
    private static readonly TimeSpan MaxEstimate = TimeSpan.FromDays(100);

    public int Pending => Total - Sent - Failed - Skipped;

    public int Done => Sent + Failed + Skipped;

    public bool IsFinished => Status is CampaignStatus.Completed or CampaignStatus.Cancelled or CampaignStatus.Rejected;

    /// <summary>How long the rest should take at the current rate: only while sending, with a rate to go by.</summary>
    public TimeSpan? TimeLeft
    {
        get
        {
            if (Status != CampaignStatus.Sending || RatePerSecond <= 0 || Pending <= 0)
            {
                return null;
            }

            var seconds = Math.Ceiling(Pending / RatePerSecond);
            return seconds <= MaxEstimate.TotalSeconds ? TimeSpan.FromSeconds(seconds) : null;
        }
    }

    /// <summary>From the start to the end, or to <paramref name="now"/> while unfinished; pauses included.</summary>
    public TimeSpan? ElapsedAt(DateTimeOffset now) => StartedAt is { } started ? (CompletedAt ?? now) - started : null;
}
