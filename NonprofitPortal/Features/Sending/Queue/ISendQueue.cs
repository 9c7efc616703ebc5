namespace NonprofitPortal.Features.Sending.Queue;

/// <summary>
/// The pending-sends table as the drain sees it: leases taken, kept, ended with an outcome, and
/// taken back from workers that died. <see cref="SendQueue"/> is the database's; the seam lets the
/// sending rules be exercised over hours of simulated time in a test.
/// </summary>
public interface ISendQueue
{
    /// <summary>Leases up to <paramref name="limit"/> due rows to <paramref name="owner"/>, oldest running campaign first.</summary>
    Task<ClaimedBatch> ClaimAsync(string owner, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the outcomes of rows <paramref name="owner"/> claimed and moves the campaigns'
    /// counters, in one transaction. Fenced: a row claimed since by another worker is left as it is.
    /// </summary>
    Task RecordAsync(string owner, IReadOnlyList<SendOutcome> outcomes, CancellationToken cancellationToken);

    /// <summary>
    /// Extends to <paramref name="until"/> every lease <paramref name="owner"/> holds that has not
    /// run out by <paramref name="now"/> (one statement however many rows); a lease that ran out
    /// stays out, as the worker no longer counts on it.
    /// </summary>
    Task<int> RenewLeasesAsync(string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Makes rows whose lease ran out (their worker died or lost touch) claimable again.</summary>
    Task<int> RecoverExpiredLeasesAsync(CancellationToken cancellationToken);

    /// <summary>What every message of a campaign shares.</summary>
    Task<CampaignContent> ContentAsync(long campaignId, CancellationToken cancellationToken);
}
