using NonprofitPortal.Features.Operations.ApiDocs;

namespace NonprofitPortal.Features.Accounts.Api;

public sealed record TokenResponse(string Token, DateTimeOffset ExpiresAt) : IApiExample<TokenResponse>
{
    public static TokenResponse Example => new("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0MiJ9.c2lnbmF0dXJl", new DateTimeOffset(2026, 12, 1, 17, 0, 0, TimeSpan.Zero));
}
