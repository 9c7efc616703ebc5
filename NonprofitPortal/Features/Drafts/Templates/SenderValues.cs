namespace NonprofitPortal.Features.Drafts.Templates;

public sealed record SenderValues(string Name, string Email);
