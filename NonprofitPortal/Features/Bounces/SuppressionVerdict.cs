namespace NonprofitPortal.Features.Bounces;

public enum SuppressionVerdict
{
    /// <summary>Nothing changes: recorded only.</summary>
    None,

    /// <summary>Suppress the nonprofit: its address does not exist.</summary>
    SuppressForHardBounce,

    /// <summary>Suppress the nonprofit: its mail bounced more often than the limit allows.</summary>
    SuppressForSoftBounces,

    /// <summary>Opt the nonprofit out: its recipient complained.</summary>
    OptOut,
}
