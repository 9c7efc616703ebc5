namespace NonprofitPortal.Features.Nonprofits;

/// <summary>Why a nonprofit gets no more mail, as stored and as the API writes it.</summary>
public static class SuppressionReasons
{
    public const int MaxLength = 20;

    /// <summary>A server said the address does not exist (5.x.x).</summary>
    public const string HardBounce = "hard-bounce";

    /// <summary>Temporary failures (4.x.x) kept coming, more than <c>Bounces:SoftBounceLimit</c> within the window.</summary>
    public const string SoftBounces = "soft-bounces";

    /// <summary>Staff stopped mail to it.</summary>
    public const string Manual = "manual";

    public static string Describe(string? reason) => reason switch
    {
        HardBounce => "its address does not exist (hard bounce)",
        SoftBounces => "its mail kept bouncing (soft bounces)",
        Manual => "staff stopped mail to it",
        _ => "it is not suppressed",
    };
}
