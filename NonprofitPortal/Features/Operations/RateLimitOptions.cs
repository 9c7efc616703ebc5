using System.ComponentModel.DataAnnotations;

namespace NonprofitPortal.Features.Operations;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in and token attempts one client address may make per minute.</summary>
    [Range(1, 10_000)]
    public int SignInPerMinute { get; set; } = 10;

    /// <summary>POST, PUT, PATCH and DELETE requests under /api one user (or, signed out, one client address) may make per minute.</summary>
    [Range(1, 1_000_000)]
    public int ApiWritesPerMinute { get; set; } = 600;
}
