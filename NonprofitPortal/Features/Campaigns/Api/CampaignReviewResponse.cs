namespace NonprofitPortal.Features.Campaigns.Api;

/// <summary>Who approved or rejected a campaign that needed approval; <paramref name="RejectionReason"/> is null for an approval.</summary>
public sealed record CampaignReviewResponse(string ReviewedBy, DateTimeOffset ReviewedAt, string? RejectionReason);
