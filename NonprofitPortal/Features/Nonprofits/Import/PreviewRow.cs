namespace NonprofitPortal.Features.Nonprofits.Import;

public sealed record PreviewRow(long Line, NonprofitFields Fields);
