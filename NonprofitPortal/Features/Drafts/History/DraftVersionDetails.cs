namespace NonprofitPortal.Features.Drafts.History;

public sealed record DraftVersionDetails(DraftVersionSummary Version, DraftContent Content);
