namespace NonprofitPortal.Features.Campaigns.Reports;

/// <summary>What became of a campaign's messages: counts, an hourly timeline, and its tracked links.</summary>
/// <param name="Delivered">Messages a server took that no bounce was reported for.</param>
/// <param name="Opened">Every fetch of an open pixel, repeats included (<paramref name="UniqueOpens"/>: the messages opened).</param>
/// <param name="Clicked">Every click on a tracked link, repeats included (<paramref name="UniqueClicks"/>: the messages clicked).</param>
public sealed record CampaignReport(
    long CampaignId,
    string Name,
    int Delivered,
    int Bounced,
    int Complained,
    int Unsubscribed,
    int Opened,
    int Clicked,
    int UniqueOpens,
    int UniqueClicks,
    IReadOnlyList<ReportHour> Timeline,
    IReadOnlyList<ReportLink> Links)
{
    /// <summary><paramref name="count"/> as a share of the delivered messages (0 when none were).</summary>
    public double RateOfDelivered(int count) => Delivered == 0 ? 0 : (double)count / Delivered;
}
