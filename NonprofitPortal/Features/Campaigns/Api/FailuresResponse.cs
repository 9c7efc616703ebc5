namespace NonprofitPortal.Features.Campaigns.Api;

public sealed record FailuresResponse(IReadOnlyList<FailedSend> Items, int TotalCount);
