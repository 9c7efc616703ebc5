using NonprofitPortal.Features.Nonprofits.Import;

namespace NonprofitPortal.Features.Nonprofits.Api;

public sealed record ImportResponse(int Imported, int Updated, int Skipped, IReadOnlyList<ImportError> Errors);
