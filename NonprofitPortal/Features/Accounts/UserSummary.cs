namespace NonprofitPortal.Features.Accounts;

public sealed record UserSummary(
    string Id,
    string Email,
    string? DisplayName,
    IReadOnlyList<string> Roles,
    bool Locked,
    DateTimeOffset? LockedUntil,
    DateTimeOffset CreatedAt);
