namespace NonprofitPortal.Features.Nonprofits.Import;

/// <summary>One record of an import file: valid fields, or the reason it cannot be imported.</summary>
public sealed record CsvRecord(long Line, NonprofitFields? Fields, string? Problem);
