namespace NonprofitPortal.Features.Accounts.Api;

public sealed record UserResponse(string Id, string Email, string? DisplayName, IReadOnlyList<string> Roles, bool Locked, DateTimeOffset CreatedAt)
{
    public static UserResponse From(UserSummary user) =>
        new(user.Id, user.Email, user.DisplayName, user.Roles, user.Locked, user.CreatedAt);
}
