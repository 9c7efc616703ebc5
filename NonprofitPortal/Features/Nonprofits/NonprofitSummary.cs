namespace NonprofitPortal.Features.Nonprofits;

public sealed record NonprofitSummary(
    long Id,
    string Name,
    string Address,
    string Email,
    IReadOnlyList<string> Tags,
    DateTimeOffset? OptedOutAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version);
