namespace NonprofitPortal.Features.Campaigns.Api;

/// <summary>Why the campaign is rejected: required, the sender reads it.</summary>
public sealed record RejectRequest(string? Reason);
