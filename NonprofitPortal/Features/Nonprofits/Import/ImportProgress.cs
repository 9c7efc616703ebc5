namespace NonprofitPortal.Features.Nonprofits.Import;

public sealed record ImportProgress(long Records, long BytesRead);
