using NonprofitPortal.Features.Sending.Transport;

namespace NonprofitPortal.Features.Sending;

/// <summary>
/// What happens to a message after each thing that can befall it (a reply, a server that cannot be
/// reached, no server free, a lease running short), and how much the drain may hold at a time.
/// Pure: facts in, a verdict out; the drain does the I/O.
/// </summary>
public sealed record SendingRules(int MaxAttempts, TimeSpan FirstRetryDelay, TimeSpan MaxRetryDelay, TimeSpan Lease, int BatchSize)
{
    public static SendingRules From(SendingOptions options) => new(
        options.MaxAttempts,
        TimeSpan.FromSeconds(options.RetryDelaySeconds),
        TimeSpan.FromSeconds(options.MaxRetryDelaySeconds),
        options.Lease,
        options.BatchSize);

    /// <summary>
    /// How often a worker extends the leases of the rows it holds. A row is sent only while at
    /// least this much of its lease is left (<see cref="MaySend"/>), so a renewal that comes late by
    /// up to one interval still finds every row it holds leased.
    /// </summary>
    public TimeSpan RenewalInterval => Lease / 4;

    /// <summary>What an SMTP reply code means for the message and for the server that gave it.</summary>
    public static SmtpReplyMeaning Classify(int code) => code switch
    {
        // "Service not available, closing transmission channel": the server, not the message.
        421 => SmtpReplyMeaning.ServerBusy,
        // Mailbox busy / local error in processing: commonly a relay's "slow down".
        450 or 451 => SmtpReplyMeaning.SlowDown,
        >= 400 and < 500 => SmtpReplyMeaning.TryLater,
        >= 500 and < 600 => SmtpReplyMeaning.Refused,
        _ => SmtpReplyMeaning.Accepted,
    };

    /// <summary>What becomes of a message after a server's answer to it.</summary>
    /// <param name="attempts">Attempts so far, this one included.</param>
    /// <param name="jitter">A number in [0, 1) that spreads retries (<see cref="RetryDelay"/>).</param>
    public SendVerdict After(Delivery delivery, int attempts, double jitter) => delivery switch
    {
        Delivery.Accepted => new SendVerdict.Sent(),
        Delivery.Rejected rejected => new SendVerdict.Failed(rejected.Reply),
        // The server is busy, not the message at fault: another server may take it now, and the attempt is not counted.
        Delivery.Deferred { SlowDown: true } deferred => new SendVerdict.TryAnotherServer(deferred.Reply, SlowDown: true),
        Delivery.Deferred deferred when attempts >= MaxAttempts => new SendVerdict.Failed($"Gave up after {attempts} attempts: {deferred.Reply}"),
        _ => new SendVerdict.RetryLater(delivery.Reply, RetryDelay(attempts, jitter)),
    };

    /// <summary>The server could not take any message (refused connection, timeout, 421): another may.</summary>
    public static SendVerdict AfterUnavailable(ServerUnavailableException exception) =>
        new SendVerdict.TryAnotherServer(exception.Message, exception.AskedToSlowDown);

    /// <summary>
    /// No server can take the message now (all set aside, or all tried for it): back to the queue
    /// with the attempt not counted, until a server is probed again and, when some refused it just
    /// now, not before a first retry's delay.
    /// </summary>
    public DateTimeOffset NextTryWithoutServer(DateTimeOffset now, DateTimeOffset nextProbeAt, bool someRefused, double jitter)
    {
        var backOff = now + RetryDelay(1, jitter);
        return someRefused && backOff > nextProbeAt ? backOff : nextProbeAt;
    }

    /// <summary>Exponential from <see cref="FirstRetryDelay"/> up to <see cref="MaxRetryDelay"/>, with ±20% jitter so that messages deferred together do not come back together.</summary>
    public TimeSpan RetryDelay(int attempts, double jitter)
    {
        var seconds = Math.Min(MaxRetryDelay.TotalSeconds, FirstRetryDelay.TotalSeconds * Math.Pow(2, Math.Max(0, attempts - 1)));
        return TimeSpan.FromSeconds(seconds * (0.8 + 0.4 * jitter));
    }

    /// <summary>
    /// How many rows to claim at once: what <paramref name="messagesPerSecond"/> (0: no limit known)
    /// sends in half a lease, at most a batch and at least one. The next claim comes when half of
    /// this is left, so what is held in memory goes out in about three quarters of a lease even
    /// if no renewal ever succeeded.
    /// </summary>
    public int ClaimSize(double messagesPerSecond)
    {
        if (messagesPerSecond <= 0)
        {
            return BatchSize;
        }

        var inHalfALease = messagesPerSecond * Lease.TotalSeconds / 2;
        return (int)Math.Clamp(Math.Floor(inHalfALease), 1, BatchSize);
    }

    /// <summary>Whether a row whose lease ends at <paramref name="leaseUntil"/> may still be handed to a server at <paramref name="now"/>.</summary>
    public bool MaySend(DateTimeOffset leaseUntil, DateTimeOffset now) => now + RenewalInterval < leaseUntil;
}

/// <summary>What an SMTP reply code says (<see cref="SendingRules.Classify"/>).</summary>
public enum SmtpReplyMeaning
{
    Accepted,

    /// <summary>5xx: this message will not go through this way, however often it is tried.</summary>
    Refused,

    /// <summary>4xx: try this message again later.</summary>
    TryLater,

    /// <summary>450/451: the server wants less traffic; this message may go elsewhere now.</summary>
    SlowDown,

    /// <summary>421: the server is closing the connection; set it aside and slow it down.</summary>
    ServerBusy,
}

/// <summary>What becomes of one message (<see cref="SendingRules.After"/>).</summary>
public abstract record SendVerdict
{
    public sealed record Sent : SendVerdict;

    public sealed record Failed(string Error) : SendVerdict;

    /// <summary>Back to the queue for <paramref name="After"/>; the attempt counts.</summary>
    public sealed record RetryLater(string Error, TimeSpan After) : SendVerdict;

    /// <summary>This server could not take it; the next one may (the attempt does not count). <paramref name="SlowDown"/>: lower this server's pace.</summary>
    public sealed record TryAnotherServer(string Error, bool SlowDown) : SendVerdict;
}
