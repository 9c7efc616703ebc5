namespace NonprofitPortal.Features.Drafts.History;

/// <summary>
/// What a save needs to know about a draft's newest version, kept on the draft's own row so
/// that saving reads no version.
/// </summary>
public sealed class DraftHistoryHead
{
    /// <summary>The newest version's number; 0 while the draft has none (drafts older than their history).</summary>
    public int Number { get; set; }

    public DraftVersionKind Kind { get; set; }

    /// <summary>Whose save it was: the user id (the name for a user without one).</summary>
    public string SavedBy { get; set; } = "";

    /// <summary>When the newest version was first saved (autosaves coalesced into it keep this time).</summary>
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>The <see cref="DraftContent.Hash"/> of the draft's content, which is the newest version's.</summary>
    public string ContentHash { get; set; } = "";
}
