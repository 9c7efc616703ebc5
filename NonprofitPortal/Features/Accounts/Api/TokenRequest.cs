using NonprofitPortal.Features.Operations.ApiDocs;

namespace NonprofitPortal.Features.Accounts.Api;

public sealed record TokenRequest(string? Email, string? Password) : IApiExample<TokenRequest>
{
    public static TokenRequest Example => new("staff@foundation.example", "correct-horse-battery-staple");
}
