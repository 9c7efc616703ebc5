namespace NonprofitPortal.Features.Accounts;

public sealed record RoleSummary(string Id, string Name, bool BuiltIn, IReadOnlyList<string> Permissions, int Users);
