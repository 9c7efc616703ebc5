namespace NonprofitPortal.Features.Sending.Transport;

public enum MailServerState
{
    Up,

    /// <summary>Its circuit breaker is open: no traffic until it is probed again.</summary>
    SetAside,

    /// <summary>The break is over; the next message is a probe, and its outcome decides.</summary>
    Probing,
}
