namespace NonprofitPortal.Features.Accounts.Api;

public sealed record RoleRequest(string? Name, IReadOnlyList<string>? Permissions);
