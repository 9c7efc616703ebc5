using System.Collections.Concurrent;

namespace NonprofitPortal.Features.Bounces.Webhooks;

/// <summary>
/// Remembers the signed tokens accepted on this node for as long as their timestamp is accepted,
/// and refuses one that comes again. Across nodes a replay gets no further than the event store,
/// which records each provider event once.
/// </summary>
public sealed class ReplayGuard(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);

    /// <summary>True the first time a token is offered within <paramref name="lifetime"/>.</summary>
    public bool TryAccept(string token, TimeSpan lifetime)
    {
        var now = time.GetUtcNow();
        foreach (var (old, expires) in _seen)
        {
            if (expires < now)
            {
                _seen.TryRemove(old, out _);
            }
        }

        return _seen.TryAdd(token, now + lifetime);
    }
}
