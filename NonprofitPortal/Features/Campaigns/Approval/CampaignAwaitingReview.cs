namespace NonprofitPortal.Features.Campaigns.Approval;

/// <summary>A campaign on a dashboard's approval card: waiting for an approver, or rejected with a reason.</summary>
public sealed record CampaignAwaitingReview(long Id, string Name, string CreatedBy, DateTimeOffset CreatedAt, int Total, DateTimeOffset? ScheduledAt, CampaignReview? Review);
