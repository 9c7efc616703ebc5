namespace NonprofitPortal.Features.Campaigns.Reports;

/// <summary>
/// What happened to a campaign's messages in one hour: kept as running sums, moved in the same
/// transactions as the campaign's counters, so that a report reads a row per hour instead of a row
/// per message or event.
/// </summary>
public sealed class CampaignActivity
{
    public long CampaignId { get; set; }

    /// <summary>The hour, counted from 1970-01-01 00:00 UTC (<see cref="ActivityHours"/>): the same number on every database.</summary>
    public long Hour { get; set; }

    public int Sent { get; set; }

    public int Failed { get; set; }

    public int Bounced { get; set; }

    public int Complained { get; set; }

    public int Opens { get; set; }

    public int Clicks { get; set; }
}
