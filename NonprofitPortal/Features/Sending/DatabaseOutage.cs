namespace NonprofitPortal.Features.Sending;

/// <summary>
/// Whether the drain can reach the database. While it cannot, senders take no new message, claims
/// stop, known outcomes wait in memory and are retried, and readiness reports the database down.
/// Logged once when it starts and once when it ends, however many tries fail in between.
/// </summary>
public sealed partial class DatabaseOutage(TimeProvider time, ILogger<DatabaseOutage> logger)
{
    private readonly Lock _gate = new();
    private TaskCompletionSource? _over;
    private DateTimeOffset _since;
    private int _failures;

    /// <summary>When the current outage began; null while the database answers.</summary>
    public DateTimeOffset? Since
    {
        get
        {
            lock (_gate)
            {
                return _over is null ? null : _since;
            }
        }
    }

    public string? LastError { get; private set; }

    public void Failed(Exception exception)
    {
        lock (_gate)
        {
            LastError = exception.Message;
            _failures++;
            if (_over is not null)
            {
                return;
            }

            _over = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _since = time.GetUtcNow();
        }

        LogStarted(exception);
    }

    public void Ended()
    {
        TaskCompletionSource over;
        TimeSpan lasted;
        int failures;
        lock (_gate)
        {
            if (_over is null)
            {
                return;
            }

            (over, lasted, failures) = (_over, time.GetUtcNow() - _since, _failures);
            (_over, _failures, LastError) = (null, 0, null);
        }

        over.TrySetResult();
        LogEnded(lasted.TotalSeconds, failures);
    }

    /// <summary>Returns at once while the database answers; during an outage, when it ends.</summary>
    public Task WaitUntilOverAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _over is null ? Task.CompletedTask : _over.Task.WaitAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The database cannot be reached: sending pauses, and the outcomes already known are kept until they can be written")]
    private partial void LogStarted(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database answers again after {Seconds:F1} s ({Failures} failed tries): sending resumes")]
    private partial void LogEnded(double seconds, int failures);
}
