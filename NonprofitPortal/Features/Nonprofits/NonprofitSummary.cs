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
    int Version,
    DateTimeOffset? SuppressedAt = null,
    string? SuppressionReason = null)
{
    /// <summary>Whether mail may go to it: neither opted out nor suppressed.</summary>
    public bool Reachable => OptedOutAt is null && SuppressedAt is null;
}
