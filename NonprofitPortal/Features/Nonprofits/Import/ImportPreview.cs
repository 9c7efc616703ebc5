namespace NonprofitPortal.Features.Nonprofits.Import;

/// <summary>What importing a file would do, found without writing anything.</summary>
/// <param name="Existing">Valid rows whose email is already in the directory or earlier in the file.</param>
/// <param name="Erased">Valid rows whose email was erased on request: the import skips and reports them.</param>
public sealed record ImportPreview(int Records, int New, int Existing, int Erased, IReadOnlyList<PreviewRow> FirstRows, IReadOnlyList<ImportError> Errors, bool HasTags);
