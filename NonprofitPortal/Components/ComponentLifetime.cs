namespace NonprofitPortal.Components;

/// <summary>
/// Cancels a component's queries and script calls once it leaves the page. It has no Dispose, on
/// purpose: work that resumes after the user moved on still reads <see cref="Token"/> and stops on
/// the cancellation, where a disposed <see cref="CancellationTokenSource"/> would throw
/// <see cref="ObjectDisposedException"/> and end the whole circuit.
/// </summary>
public sealed class ComponentLifetime
{
    private readonly CancellationTokenSource _source = new();

    public CancellationToken Token => _source.Token;

    public void End() => _source.Cancel();
}
