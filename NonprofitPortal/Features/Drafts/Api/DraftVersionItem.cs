using NonprofitPortal.Features.Drafts.History;

namespace NonprofitPortal.Features.Drafts.Api;

/// <param name="Kind"><c>created</c>, <c>saved</c>, <c>autosave</c> or <c>restored</c>.</param>
/// <param name="RestoredFrom">For a restore, the version it brought back.</param>
public sealed record DraftVersionItem(int Version, string SavedBy, DateTimeOffset SavedAt, string Kind, int? RestoredFrom)
{
    public static DraftVersionItem From(DraftVersionSummary version) =>
        new(version.Number, version.SavedBy, version.SavedAt, version.Kind.ToString().ToLowerInvariant(), version.RestoredFrom);
}
