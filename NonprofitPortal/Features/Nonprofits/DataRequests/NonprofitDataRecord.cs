namespace NonprofitPortal.Features.Nonprofits.DataRequests;

public sealed record NonprofitDataRecord(
    long Id, string Name, string Address, string Email, IReadOnlyList<string> Tags,
    DateTimeOffset? OptedOutAt, DateTimeOffset? SuppressedAt, string? SuppressionReason, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
