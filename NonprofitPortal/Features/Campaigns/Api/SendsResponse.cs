using NonprofitPortal.Features.Campaigns.Sends;

namespace NonprofitPortal.Features.Campaigns.Api;

/// <param name="NextCursor">Pass as <c>cursor</c> for the next page; null on the last one.</param>
public sealed record SendsResponse(IReadOnlyList<SendLogEntry> Items, string? NextCursor);
