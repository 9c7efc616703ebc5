namespace NonprofitPortal.Features.Accounts.Api;

public sealed record TokenResponse(string Token, DateTimeOffset ExpiresAt);
