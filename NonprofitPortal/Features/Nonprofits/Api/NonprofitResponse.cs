using NonprofitPortal.Features.Operations.ApiDocs;

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
    DateTimeOffset UpdatedAt) : IApiExample<NonprofitResponse>
{
    public static NonprofitResponse Example => new(1042, "Kids & Co", "12 Harbour Road, Bristol BS1 4RN", "hello@kidsandco.example", ["education", "bristol"], null, null, null, new DateTimeOffset(2026, 1, 12, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 9, 3, 14, 20, 0, TimeSpan.Zero));

    public static NonprofitResponse From(NonprofitSummary nonprofit) => new(
        nonprofit.Id, nonprofit.Name, nonprofit.Address, nonprofit.Email, nonprofit.Tags, nonprofit.OptedOutAt,
        nonprofit.SuppressedAt, nonprofit.SuppressionReason, nonprofit.CreatedAt, nonprofit.UpdatedAt);
}
