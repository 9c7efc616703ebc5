namespace NonprofitPortal.Features.Drafts.Templates;

public sealed record FoundationValues(string Name);
