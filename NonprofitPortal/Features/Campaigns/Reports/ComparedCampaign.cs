namespace NonprofitPortal.Features.Campaigns.Reports;

/// <summary>One campaign's totals, as a column of a comparison.</summary>
/// <param name="Recipients">The messages it was to send (its total).</param>
/// <param name="Delivered">Messages a server took that no bounce was reported for.</param>
public sealed record ComparedCampaign(
    long Id,
    string Name,
    DateTimeOffset CreatedAt,
    bool TrackOpens,
    bool TrackClicks,
    int Recipients,
    int Delivered,
    int Bounced,
    int Complained,
    int Unsubscribed,
    int UniqueOpens,
    int UniqueClicks);
