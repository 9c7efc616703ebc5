namespace NonprofitPortal.Features.Sending.Transport;

/// <summary>
/// Spaces messages evenly at a rate, with no bursts, so that a server limited to N per second
/// never sees more than N in any second. The rate can be lowered when the server asks to slow
/// down, and creeps back up after a quiet spell (additive increase, multiplicative decrease).
/// Not thread-safe: its owner locks.
/// </summary>
internal sealed class SendPacer(double limit)
{
    // Slots are reserved when a sender is chosen, and the message reaches the server a little
    // later by a varying amount (more on a busy machine: a late message lands next to the one
    // after it); pacing 5% under the limit absorbs that jitter (2% was seen to let 101 through
    // in two seconds at 50/s on two loaded cores).
    private const double Headroom = 0.95;
    private const double LowestRate = 0.5;
    private const double UnthrottledPace = 1000;
    private static readonly TimeSpan QuietSpell = TimeSpan.FromSeconds(10);

    private DateTimeOffset _nextSlot = DateTimeOffset.MinValue;
    private DateTimeOffset _lastSlowDown = DateTimeOffset.MinValue;
    private DateTimeOffset _lastIncrease = DateTimeOffset.MinValue;
    private double? _throttled;

    /// <summary>Messages per second configured; 0 for none.</summary>
    public double Limit { get; } = limit;

    /// <summary>Messages per second allowed now; 0 for no limit.</summary>
    public double Current => _throttled ?? Limit;

    public bool IsThrottled => _throttled is not null;

    /// <summary>When the next message may go, without reserving it.</summary>
    public DateTimeOffset NextSlot(DateTimeOffset now) => Current <= 0 || _nextSlot < now ? now : _nextSlot;

    /// <summary>Reserves the next slot and says when it is.</summary>
    public DateTimeOffset Take(DateTimeOffset now)
    {
        RecoverGradually(now);
        var slot = NextSlot(now);
        if (Current > 0)
        {
            _nextSlot = slot + TimeSpan.FromSeconds(1 / (Current * Headroom));
        }

        return slot;
    }

    /// <summary>Halves the rate; with no limit configured, halves <paramref name="observedRate"/>.</summary>
    public void SlowDown(DateTimeOffset now, double observedRate)
    {
        var from = Current > 0 ? Current : Math.Max(observedRate, 2 * LowestRate);
        _throttled = Math.Max(LowestRate, from / 2);
        _lastSlowDown = now;
        _lastIncrease = now;
    }

    private void RecoverGradually(DateTimeOffset now)
    {
        if (_throttled is not { } throttled || now - _lastSlowDown < QuietSpell || now - _lastIncrease < TimeSpan.FromSeconds(1))
        {
            return;
        }

        // Up by a tenth of the limit per quiet second (a tenth of the current pace with no
        // limit configured, which ends the throttling once it passes a pace no relay asks for).
        var step = Limit > 0 ? Limit / 10 : Math.Max(1, throttled / 10);
        var since = _lastIncrease > _lastSlowDown + QuietSpell ? _lastIncrease : _lastSlowDown + QuietSpell;
        var raised = throttled + step * (now - since).TotalSeconds;
        _lastIncrease = now;
        _throttled = raised >= (Limit > 0 ? Limit : UnthrottledPace) ? null : raised;
    }
}
