using NonprofitPortal.Features.Operations.ApiDocs;

namespace NonprofitPortal.Features.Accounts.Api;

public sealed record UserResponse(string Id, string Email, string? DisplayName, IReadOnlyList<string> Roles, bool Locked, DateTimeOffset CreatedAt) : IApiExample<UserResponse>
{
    public static UserResponse Example => new("6f1c2e0a-3b7d-4a51-9c3e-2d8f0b6a7e11", "grants@foundation.example", "Grants team", ["Staff"], false, new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));

    public static UserResponse From(UserSummary user) =>
        new(user.Id, user.Email, user.DisplayName, user.Roles, user.Locked, user.CreatedAt);
}
