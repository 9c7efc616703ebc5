namespace NonprofitPortal.Features.Campaigns;

/// <summary>A campaign as sent: the frozen content, who sent it, and where it stands.</summary>
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
    CampaignProgress Progress);
