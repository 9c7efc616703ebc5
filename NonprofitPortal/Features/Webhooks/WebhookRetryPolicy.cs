namespace NonprofitPortal.Features.Webhooks;

/// <summary>
/// When a delivery that got no 2xx is tried again: exponential backoff (30 s, 1 min, 2 min …, at
/// most an hour apart) with ±20 % jitter, for 24 hours after the event; the attempt due at the
/// end of that window is the last, and its failure fails the delivery and disables the endpoint.
/// </summary>
public sealed record WebhookRetryPolicy(TimeSpan FirstDelay, TimeSpan MaxDelay, TimeSpan Window)
{
    public static WebhookRetryPolicy Default { get; } = new(TimeSpan.FromSeconds(30), TimeSpan.FromHours(1), TimeSpan.FromHours(24));

    /// <param name="attempts">Attempts made so far, the failed one included.</param>
    /// <param name="jitter">A number in [0, 1) (random in production, fixed in tests).</param>
    public WebhookRetryVerdict AfterFailure(DateTimeOffset createdAt, int attempts, DateTimeOffset now, double jitter)
    {
        var giveUpAt = createdAt + Window;
        if (now >= giveUpAt)
        {
            return WebhookRetryVerdict.GiveUp;
        }

        var doublings = Math.Clamp(attempts - 1, 0, 20);
        var delay = TimeSpan.FromTicks(Math.Min(FirstDelay.Ticks * (1L << doublings), MaxDelay.Ticks));
        var jittered = delay * (0.8 + (0.4 * jitter));
        var next = now + jittered;
        return new WebhookRetryVerdict(next < giveUpAt ? next : giveUpAt);
    }
}

/// <summary>Try again at <see cref="RetryAt"/>, or (null) give up.</summary>
public sealed record WebhookRetryVerdict(DateTimeOffset? RetryAt)
{
    public static WebhookRetryVerdict GiveUp { get; } = new((DateTimeOffset?)null);

    public bool GivesUp => RetryAt is null;
}
