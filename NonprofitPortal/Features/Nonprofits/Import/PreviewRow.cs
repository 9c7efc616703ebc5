namespace NonprofitPortal.Features.Nonprofits.Import;

/// <param name="Erased">The row's address was erased on request: the import skips the row.</param>
public sealed record PreviewRow(long Line, NonprofitFields Fields, bool Erased = false);
