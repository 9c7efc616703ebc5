namespace NonprofitPortal.Features.Nonprofits;

/// <param name="TotalCount">How many match, up to <see cref="NonprofitDirectory.CountLimit"/>.</param>
/// <param name="MoreThanTotal">More match than <paramref name="TotalCount"/>: the count stopped at its limit.</param>
public sealed record DirectoryResults(IReadOnlyList<NonprofitSummary> Items, int TotalCount, bool MoreThanTotal);
