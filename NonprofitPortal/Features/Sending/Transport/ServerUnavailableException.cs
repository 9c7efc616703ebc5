namespace NonprofitPortal.Features.Sending.Transport;

/// <summary>
/// The server could not take any message just now: refused or lost connection, timed out, or
/// answered 421. Counts towards its circuit breaker, never against the message.
/// </summary>
public sealed class ServerUnavailableException(string message, Exception? innerException = null, bool askedToSlowDown = false)
    : Exception(message, innerException)
{
    /// <summary>The server answered 421: besides being set aside, its pace should drop.</summary>
    public bool AskedToSlowDown { get; } = askedToSlowDown;
}
