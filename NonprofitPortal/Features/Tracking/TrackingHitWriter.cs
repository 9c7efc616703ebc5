namespace NonprofitPortal.Features.Tracking;

/// <summary>
/// Writes what <see cref="TrackingHits"/> holds: as soon as a hit comes, then at most once a
/// second, everything that came meanwhile in one batch. While the database does not answer the
/// batch waits and is tried again (the hits behind it wait in the queue); on shutdown what is
/// left is written before the node stops.
/// </summary>
public sealed partial class TrackingHitWriter(TrackingHits hits, TrackingRecorder recorder, TimeProvider time, ILogger<TrackingHitWriter> logger) : BackgroundService
{
    public const int MaxBatch = 2000;

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<TrackingHit>(MaxBatch);
        try
        {
            while (await hits.Reader.WaitToReadAsync(stoppingToken))
            {
                Take(batch);
                await WriteAsync(batch, stoppingToken);
                await Task.Delay(Interval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the rest is written by StopAsync.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        var batch = new List<TrackingHit>(MaxBatch);
        while (!cancellationToken.IsCancellationRequested && Take(batch) > 0)
        {
            try
            {
                await recorder.RecordAsync(batch, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogLostOnStop(exception, batch.Count);
                return;
            }
        }
    }

    private int Take(List<TrackingHit> batch)
    {
        batch.Clear();
        while (batch.Count < MaxBatch && hits.Reader.TryRead(out var hit))
        {
            batch.Add(hit);
        }

        return batch.Count;
    }

    private async Task WriteAsync(List<TrackingHit> batch, CancellationToken stoppingToken)
    {
        var delay = Interval;
        for (var failures = 0; ; failures++)
        {
            try
            {
                await recorder.RecordAsync(batch, stoppingToken);
                if (failures > 0)
                {
                    LogRecovered(failures);
                }

                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                if (failures == 0)
                {
                    LogFailed(exception, batch.Count);
                }

                await Task.Delay(delay, time, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} tracking hits failed; trying again until the database takes them")]
    private partial void LogFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tracking hits are written again after {Failures} failed attempts")]
    private partial void LogRecovered(int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} tracking hits could not be written before the node stopped, and are lost")]
    private partial void LogLostOnStop(Exception exception, int count);
}
