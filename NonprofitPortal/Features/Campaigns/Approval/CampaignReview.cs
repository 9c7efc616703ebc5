namespace NonprofitPortal.Features.Campaigns.Approval;

/// <summary>Who approved or rejected a campaign, when, and (for a rejection) why.</summary>
public sealed record CampaignReview(string ReviewedBy, DateTimeOffset ReviewedAt, string? RejectionReason);
