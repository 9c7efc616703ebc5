namespace NonprofitPortal.Components;

/// <summary>
/// Runs work once changes pause: each <see cref="Touch"/> restarts the wait, so a burst of
/// keystrokes leads to one preview or one autosave. For components: <paramref name="dispatch"/>
/// is their <c>InvokeAsync</c>, so that the work runs on the renderer's context like a handler.
/// </summary>
public sealed class Debouncer(TimeSpan delay, TimeProvider time, Func<Func<Task>, Task> dispatch, Func<Task> work) : IDisposable
{
    private readonly CancellationTokenSource _disposed = new();
    private CancellationTokenSource? _pending;

    /// <summary>Work is waiting for the pause to end.</summary>
    public bool IsPending => _pending is not null;

    public void Touch()
    {
        Cancel();
        var pending = CancellationTokenSource.CreateLinkedTokenSource(_disposed.Token);
        _pending = pending;
        _ = RunLaterAsync(pending);
    }

    /// <summary>Forgets the waiting work: it was done another way, or is no longer wanted.</summary>
    public void Cancel()
    {
        _pending?.Cancel();
        _pending?.Dispose();
        _pending = null;
    }

    private async Task RunLaterAsync(CancellationTokenSource pending)
    {
        try
        {
            await Task.Delay(delay, time, pending.Token);
        }
        catch (OperationCanceledException)
        {
            // A newer change restarted the wait, or the component went away.
            return;
        }

        await dispatch(async () =>
        {
            if (_pending != pending || _disposed.IsCancellationRequested)
            {
                return;
            }

            _pending = null;
            pending.Dispose();
            await work();
        });
    }

    public void Dispose()
    {
        _disposed.Cancel();
        Cancel();
        _disposed.Dispose();
    }
}
