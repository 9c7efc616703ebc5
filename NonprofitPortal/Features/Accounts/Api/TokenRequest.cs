namespace NonprofitPortal.Features.Accounts.Api;

public sealed record TokenRequest(string? Email, string? Password);
