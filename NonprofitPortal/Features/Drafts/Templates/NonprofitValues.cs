namespace NonprofitPortal.Features.Drafts.Templates;

public sealed record NonprofitValues(string Name, string Address, string Email, IReadOnlyList<string> Tags);
