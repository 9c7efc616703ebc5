namespace NonprofitPortal.Features.Nonprofits.Import;

/// <param name="Line">The 1-based line of the file on which the record starts; the header is line 1.</param>
public sealed record ImportError(long Line, string Message);
