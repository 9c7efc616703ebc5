namespace NonprofitPortal.Features.Accounts;

public enum TokenStatus
{
    Issued,
    InvalidCredentials,
    LockedOut,
    Disabled,
}

public sealed record TokenResult(TokenStatus Status, string? Token = null, DateTimeOffset? ExpiresAt = null, TimeSpan? RetryAfter = null);
