namespace NonprofitPortal.Features.Drafts.History;

public enum DiffLineKind
{
    Unchanged,
    Removed,
    Added,

    /// <summary>Unchanged lines left out between changes; <see cref="DiffLine.Text"/> says how many.</summary>
    Skipped,
}

/// <summary>One line of a line diff: removed lines are the version's, added ones the current draft's.</summary>
public sealed record DiffLine(DiffLineKind Kind, string Text)
{
    public string Marker => Kind switch
    {
        DiffLineKind.Removed => "−",
        DiffLineKind.Added => "+",
        DiffLineKind.Skipped => "…",
        _ => " ",
    };
}
