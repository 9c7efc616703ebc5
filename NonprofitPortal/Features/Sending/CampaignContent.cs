using NonprofitPortal.Features.Campaigns;

namespace NonprofitPortal.Features.Sending;

/// <summary>What every message of a campaign shares: its frozen templates, copies and sender.</summary>
public sealed record CampaignContent(long Id, string SubjectTemplate, string BodyTemplate, IReadOnlyList<string> Cc, string SenderName, string SenderEmail)
{
    public static CampaignContent From(Campaign campaign) =>
        new(campaign.Id, campaign.SubjectTemplate, campaign.BodyTemplate, campaign.Cc, campaign.SenderName, campaign.SenderEmail);
}
