using NonprofitPortal.Features.Campaigns.Reports;

namespace NonprofitPortal.Features.Campaigns.Api;

public sealed record ReportResponse(
    int Delivered, int Bounced, int Complained, int Unsubscribed, int Opened, int Clicked, int UniqueOpens, int UniqueClicks,
    IReadOnlyList<ReportHour> Timeline, IReadOnlyList<ReportLink> Links)
{
    public static ReportResponse From(CampaignReport r) =>
        new(r.Delivered, r.Bounced, r.Complained, r.Unsubscribed, r.Opened, r.Clicked, r.UniqueOpens, r.UniqueClicks, r.Timeline, r.Links);
}
