namespace NonprofitPortal.Features.Drafts.History;

/// <summary>How a version of a draft came to be.</summary>
public enum DraftVersionKind
{
    Created,
    Saved,
    Autosave,
    Restored,
}
