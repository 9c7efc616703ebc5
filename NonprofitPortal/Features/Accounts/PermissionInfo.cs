namespace NonprofitPortal.Features.Accounts;

public sealed record PermissionInfo(string Name, string Title, string Description);
