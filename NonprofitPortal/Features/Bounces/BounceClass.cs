namespace NonprofitPortal.Features.Bounces;

public enum BounceClass
{
    /// <summary>The address will not take mail: suppress at once.</summary>
    Hard,

    /// <summary>It may work later: counted, and suppressed only when it keeps happening.</summary>
    Soft,
}
