namespace NonprofitPortal.Features.Accounts;

/// <param name="Password">The first password; when null the user is invited by email to choose one.</param>
public sealed record NewUser(string Email, string? DisplayName, string? Password, IReadOnlyList<string> Roles);
