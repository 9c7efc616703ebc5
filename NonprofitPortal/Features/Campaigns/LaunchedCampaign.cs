namespace NonprofitPortal.Features.Campaigns;

/// <param name="Repeated">The request repeated an earlier one (same Idempotency-Key): this is the campaign it created.</param>
/// <param name="ScheduledAt">When it starts, for a campaign sent for later.</param>
public sealed record LaunchedCampaign(long Id, CampaignStatus Status, int Total, bool Repeated, DateTimeOffset? ScheduledAt = null);
