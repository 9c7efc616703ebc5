namespace NonprofitPortal.Features.Drafts;

public sealed record DraftSummary(long Id, string Name, string UpdatedBy, DateTimeOffset UpdatedAt, RecipientCount Recipients);
