namespace NonprofitPortal.Features.Nonprofits.Import;

/// <summary>What became of every record of a file: imported + updated + skipped + errors = records.</summary>
public sealed record ImportReport(int Imported, int Updated, int Skipped, IReadOnlyList<ImportError> Errors);
