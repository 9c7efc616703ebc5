namespace NonprofitPortal.Features.Campaigns.Sends;

/// <param name="NextCursor">Null on the last page.</param>
public sealed record SendLogPage(IReadOnlyList<SendLogEntry> Items, string? NextCursor);
