namespace NonprofitPortal.Features.Drafts.History;

/// <summary>What a save does to a draft's history.</summary>
public enum VersionStep
{
    /// <summary>The content did not change: the history stays as it is.</summary>
    None,

    /// <summary>A new version, numbered after the newest.</summary>
    Add,

    /// <summary>The newest version (the same user's recent autosave) takes the new content.</summary>
    ReplaceHead,

    /// <summary>The content did not change, but a manual save makes the newest autosave a saved version, which later autosaves leave alone.</summary>
    MarkHeadSaved,
}
