using NonprofitPortal.Features.Campaigns.Approval;
using NonprofitPortal.Features.Tracking;

namespace NonprofitPortal.Features.Campaigns;

/// <summary>A campaign as sent: the frozen content, who sent it, and where it stands.</summary>
/// <param name="BodyTemplate">The body as written; it went out in <see cref="LayoutName"/>.</param>
public sealed record CampaignDetails(
    long Id,
    string Name,
    long? DraftId,
    string SubjectTemplate,
    string BodyTemplate,
    IReadOnlyList<string> Cc,
    string SenderName,
    string SenderEmail,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    CampaignProgress Progress)
{
    /// <summary>The layout the body went out in, as it was at launch; null for none.</summary>
    public string? LayoutName { get; init; }

    public TrackingChoice Tracking { get; init; } = TrackingChoice.None;

    /// <summary>The launching user's id: nobody reviews their own campaign.</summary>
    public string? CreatedById { get; init; }

    /// <summary>The approval or rejection, when approval was required; null before (or without) one.</summary>
    public CampaignReview? Review { get; init; }

    /// <summary>What its tracking recorded when it was read.</summary>
    public CampaignHits Hits { get; init; } = CampaignHits.None;
}
