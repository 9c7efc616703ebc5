namespace NonprofitPortal.Features.Sending;

internal static class TimeProviderDelays
{
    /// <summary>Waits until <paramref name="moment"/> on <paramref name="time"/>'s clock; returns at once when it has passed.</summary>
    public static Task DelayUntilAsync(this TimeProvider time, DateTimeOffset moment, CancellationToken cancellationToken)
    {
        var wait = moment - time.GetUtcNow();
        return wait > TimeSpan.Zero ? Task.Delay(wait, time, cancellationToken) : Task.CompletedTask;
    }
}
