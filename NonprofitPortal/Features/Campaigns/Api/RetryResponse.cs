namespace NonprofitPortal.Features.Campaigns.Api;

public sealed record RetryResponse(int Retried);
