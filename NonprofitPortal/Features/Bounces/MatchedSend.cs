namespace NonprofitPortal.Features.Bounces;

/// <summary>The message a report is about, as sent.</summary>
public sealed record MatchedSend(long SendId, long CampaignId, long? NonprofitId, string Email);
