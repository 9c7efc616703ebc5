namespace NonprofitPortal.Features.Sending.Queue;

/// <summary>
/// Told of the messages a server refused outright (5xx) once their outcome is recorded: the
/// Bounces feature counts them as hard bounces. A failure here never undoes what was recorded.
/// </summary>
public interface IRejectedSends
{
    Task RejectedAsync(IReadOnlyList<SendOutcome> rejected, CancellationToken cancellationToken);
}
