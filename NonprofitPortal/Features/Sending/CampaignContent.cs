using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Tracking;

namespace NonprofitPortal.Features.Sending;

/// <summary>What every message of a campaign shares: its frozen templates, copies and sender, and what it tracks.</summary>
public sealed record CampaignContent(long Id, string SubjectTemplate, string BodyTemplate, IReadOnlyList<string> Cc, string SenderName, string SenderEmail)
{
    /// <summary>Its body was written with tracking at launch; each message needs its own addresses for it.</summary>
    public TrackingChoice Tracking { get; init; } = TrackingChoice.None;
    /// <summary>Encoded once, when the content is loaded, and shared by every message.</summary>
    public IReadOnlyList<EncodedAttachment> Attachments { get; init; } = [];

    public static CampaignContent From(Campaign campaign) =>
        new(campaign.Id, campaign.SubjectTemplate, campaign.BodyTemplate, campaign.Cc, campaign.SenderName, campaign.SenderEmail)
        {
            Tracking = new TrackingChoice(campaign.TrackOpens, campaign.TrackClicks),
        };
}
