namespace NonprofitPortal.Features.Accounts.Api;

public sealed record UpdateUserRequest(IReadOnlyList<string>? Roles, bool? Locked, string? DisplayName);
