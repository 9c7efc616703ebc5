namespace NonprofitPortal.Features;

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount);
