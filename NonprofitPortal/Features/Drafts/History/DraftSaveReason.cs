namespace NonprofitPortal.Features.Drafts.History;

/// <summary>Why a draft is being saved, which decides how its history records the save.</summary>
/// <param name="RestoredFrom">For a restore, the number of the version brought back.</param>
public sealed record DraftSaveReason(DraftVersionKind Kind, int? RestoredFrom = null)
{
    public static DraftSaveReason Created { get; } = new(DraftVersionKind.Created);

    public static DraftSaveReason Saved { get; } = new(DraftVersionKind.Saved);

    public static DraftSaveReason Autosave { get; } = new(DraftVersionKind.Autosave);

    public static DraftSaveReason Restore(int number) => new(DraftVersionKind.Restored, number);
}
