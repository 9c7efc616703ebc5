namespace NonprofitPortal.Features.Drafts.History;

/// <summary>
/// Whether a save adds a version. History stays readable: a save that changes nothing adds
/// nothing, and one user's autosaves within <see cref="AutosaveWindow"/> of each other make one
/// version; a manual save, another user, a restore or a new draft always start a new one.
/// </summary>
public static class DraftVersionRule
{
    public static readonly TimeSpan AutosaveWindow = TimeSpan.FromMinutes(10);

    public static VersionStep Decide(DraftHistoryHead head, string contentHash, DraftSaveReason reason, string savedBy, DateTimeOffset now)
    {
        if (head.Number == 0 || reason.Kind is DraftVersionKind.Created or DraftVersionKind.Restored)
        {
            return VersionStep.Add;
        }

        if (contentHash == head.ContentHash)
        {
            return reason.Kind == DraftVersionKind.Saved && head.Kind == DraftVersionKind.Autosave ? VersionStep.MarkHeadSaved : VersionStep.None;
        }

        var continuesOwnAutosave = reason.Kind == DraftVersionKind.Autosave
            && head.Kind == DraftVersionKind.Autosave
            && head.SavedBy == savedBy
            && now - head.StartedAt < AutosaveWindow;
        return continuesOwnAutosave ? VersionStep.ReplaceHead : VersionStep.Add;
    }
}
