namespace NonprofitPortal.Features.Accounts;

/// <summary>What an admin changes on a user; a null member is left as it is.</summary>
public sealed record UserChanges(IReadOnlyList<string>? Roles = null, bool? Locked = null, string? DisplayName = null);
