namespace NonprofitPortal.Features.Nonprofits.Import;

/// <summary>What importing a file would do, found without writing anything.</summary>
/// <param name="Existing">Valid rows whose email is already in the directory or earlier in the file.</param>
public sealed record ImportPreview(int Records, int New, int Existing, IReadOnlyList<PreviewRow> FirstRows, IReadOnlyList<ImportError> Errors, bool HasTags);
