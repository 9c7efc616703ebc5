using NonprofitPortal.Features.Operations.ApiDocs;
using NonprofitPortal.Features.Tracking;

namespace NonprofitPortal.Features.Campaigns.Api;

public sealed record CampaignResponse(
    long Id,
    string Name,
    CampaignStatus Status,
    int Total,
    int Sent,
    int Failed,
    int Skipped,
    int Pending,
    int Bounced,
    int Complained,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    double RatePerSecond,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ScheduledAt,
    TrackingChoice Tracking,
    CampaignReviewResponse? Review = null) : IApiExample<CampaignResponse>
{
    public static CampaignResponse Example => new(
        311, "Spring grant round", CampaignStatus.Sending, 214, 120, 1, 2, 91, 3, 0, new DateTimeOffset(2026, 2, 4, 9, 0, 0, TimeSpan.Zero), null, 38.5,
        "grants@foundation.example", new DateTimeOffset(2026, 2, 4, 8, 59, 0, TimeSpan.Zero), null, new TrackingChoice(false, true));

    public static CampaignResponse From(CampaignSummary campaign) => From(campaign.Name, campaign.CreatedBy, campaign.CreatedAt, campaign.Progress, campaign.Tracking);

    public static CampaignResponse From(CampaignDetails campaign) => From(campaign.Name, campaign.CreatedBy, campaign.CreatedAt, campaign.Progress, campaign.Tracking) with
    {
        Review = campaign.Review is { } review ? new CampaignReviewResponse(review.ReviewedBy, review.ReviewedAt, review.RejectionReason) : null,
    };

    private static CampaignResponse From(string name, string createdBy, DateTimeOffset createdAt, CampaignProgress p, TrackingChoice tracking) => new(
        p.Id, name, p.Status, p.Total, p.Sent, p.Failed, p.Skipped, p.Pending, p.Bounced, p.Complained, p.StartedAt, p.CompletedAt, Math.Round(p.RatePerSecond, 1), createdBy, createdAt, p.ScheduledAt,
        tracking);
}
