namespace NonprofitPortal.Features.Drafts.History;

public sealed record DraftVersionSummary(int Number, DraftVersionKind Kind, int? RestoredFrom, string SavedBy, DateTimeOffset SavedAt)
{
    /// <summary>How the version came to be, in words for the history list.</summary>
    public string Describe() => Kind switch
    {
        DraftVersionKind.Created => "created",
        DraftVersionKind.Autosave => "autosave",
        DraftVersionKind.Restored => $"restored from v{RestoredFrom}",
        _ => "saved",
    };
}
