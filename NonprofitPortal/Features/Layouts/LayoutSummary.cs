namespace NonprofitPortal.Features.Layouts;

/// <param name="Drafts">How many drafts chose this layout by name (drafts on "the default" are not counted).</param>
public sealed record LayoutSummary(long Id, string Name, bool IsDefault, string UpdatedBy, DateTimeOffset UpdatedAt, int Drafts);
