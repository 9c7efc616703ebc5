using NonprofitPortal.Features.Campaigns;

namespace NonprofitPortal.Features.Sending;

/// <summary>One reading of <see cref="SendingBacklog"/>.</summary>
public sealed record BacklogReading(long Pending, IReadOnlyDictionary<CampaignStatus, long> Campaigns);
