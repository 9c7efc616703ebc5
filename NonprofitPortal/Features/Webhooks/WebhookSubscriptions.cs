using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NonprofitPortal.Data;

namespace NonprofitPortal.Features.Webhooks;

/// <summary>
/// Which enabled endpoints take which events, as this node last read them. The send path asks on
/// every batch that has a failure, so the answer is kept for <c>Webhooks:SubscriptionRefreshSeconds</c>
/// (changes made on this node drop it at once): with nobody subscribed, no query is added.
/// </summary>
public sealed class WebhookSubscriptions(IOptions<WebhookOptions> options, TimeProvider time)
{
    private readonly SemaphoreSlim _reading = new(1, 1);
    private volatile Snapshot? _snapshot;

    /// <summary>The endpoints subscribed to <paramref name="type"/>; reads through <paramref name="db"/> (the caller's transaction) when what is kept is stale.</summary>
    public async ValueTask<IReadOnlyList<long>> EndpointsForAsync(AppDbContext db, string type, CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is null || time.GetUtcNow() - snapshot.ReadAt >= options.Value.SubscriptionRefresh)
        {
            snapshot = await ReadAsync(db, cancellationToken);
        }

        return snapshot.ByType.TryGetValue(type, out var endpoints) ? endpoints : [];
    }

    /// <summary>Drops what is kept: the next question reads the table again.</summary>
    public void Invalidate() => _snapshot = null;

    private async Task<Snapshot> ReadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        await _reading.WaitAsync(cancellationToken);
        try
        {
            var readAt = time.GetUtcNow();
            var endpoints = await db.WebhookEndpoints.AsNoTracking()
                .Where(e => e.Enabled)
                .OrderBy(e => e.Id)
                .Select(e => new { e.Id, e.Events })
                .ToListAsync(cancellationToken);
            var byType = endpoints
                .SelectMany(e => e.Events.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(type => (Type: type, e.Id)))
                .GroupBy(s => s.Type, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<long>)g.Select(s => s.Id).ToList(), StringComparer.Ordinal);
            var snapshot = new Snapshot(readAt, byType);
            _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _reading.Release();
        }
    }

    private sealed record Snapshot(DateTimeOffset ReadAt, IReadOnlyDictionary<string, IReadOnlyList<long>> ByType);
}
