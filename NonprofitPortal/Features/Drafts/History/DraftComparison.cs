namespace NonprofitPortal.Features.Drafts.History;

/// <summary>How a version differs from the current draft: what restoring it would change back.</summary>
public sealed record DraftComparison(DraftVersionSummary Version, IReadOnlyList<FieldChange> Fields, IReadOnlyList<DiffLine> Subject, IReadOnlyList<DiffLine> Body)
{
    public bool SameAsCurrent => Fields.Count == 0 && !Subject.Concat(Body).Any(l => l.Kind is DiffLineKind.Added or DiffLineKind.Removed);
}
