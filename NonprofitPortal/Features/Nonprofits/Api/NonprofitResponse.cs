namespace NonprofitPortal.Features.Nonprofits.Api;

public sealed record NonprofitResponse(
    long Id,
    string Name,
    string Address,
    string Email,
    IReadOnlyList<string> Tags,
    DateTimeOffset? OptedOutAt,
    DateTimeOffset? SuppressedAt,
    string? SuppressionReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static NonprofitResponse From(NonprofitSummary nonprofit) => new(
        nonprofit.Id, nonprofit.Name, nonprofit.Address, nonprofit.Email, nonprofit.Tags, nonprofit.OptedOutAt,
        nonprofit.SuppressedAt, nonprofit.SuppressionReason, nonprofit.CreatedAt, nonprofit.UpdatedAt);
}
