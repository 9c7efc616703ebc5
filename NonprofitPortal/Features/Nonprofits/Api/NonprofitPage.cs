namespace NonprofitPortal.Features.Nonprofits.Api;

/// <param name="NextCursor">Pass as <c>cursor</c> for the following page; null on the last page.</param>
public sealed record NonprofitPage(IReadOnlyList<NonprofitResponse> Items, string? NextCursor);
