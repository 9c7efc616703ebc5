using Microsoft.AspNetCore.SignalR;

namespace NonprofitPortal.Features.Campaigns.Progress;

/// <summary>
/// Sends the monitor's readings to the hub group of each campaign watched through the hub: one
/// monitor subscription per campaign, held while at least one connection of this node watches it.
/// </summary>
public sealed class CampaignProgressBroadcaster(CampaignProgressMonitor monitor, IHubContext<CampaignsHub> hub)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, Broadcast> _broadcasts = [];

    public static string GroupOf(long campaignId) => $"campaign-{campaignId}";

    public async Task AddAsync(string connectionId, long campaignId, CancellationToken cancellationToken)
    {
        Broadcast? broadcast;
        IAsyncDisposable? ended = null;
        lock (_lock)
        {
            if (!_broadcasts.TryGetValue(campaignId, out broadcast))
            {
                broadcast = new Broadcast(GroupOf(campaignId));
                _broadcasts.Add(campaignId, broadcast);
            }

            broadcast.Connections.Add(connectionId);
            // The monitor stops after a campaign's final state; a retry may have restarted it since.
            if (broadcast.Subscription is null || broadcast.LastSent is { Status: CampaignStatus.Completed or CampaignStatus.Cancelled })
            {
                ended = broadcast.Subscription;
                var sendTo = broadcast;
                broadcast.Subscription = monitor.Watch(campaignId, (progress, ct) => sendTo.SendAsync(hub, progress, ct));
            }
        }

        if (ended is not null)
        {
            await ended.DisposeAsync();
        }

        await broadcast.JoinAsync(hub, connectionId, cancellationToken);
    }

    public async Task RemoveAsync(string connectionId, long campaignId, CancellationToken cancellationToken)
    {
        IAsyncDisposable? unwatched;
        lock (_lock)
        {
            unwatched = Leave(connectionId, campaignId);
        }

        await hub.Groups.RemoveFromGroupAsync(connectionId, GroupOf(campaignId), cancellationToken);
        if (unwatched is not null)
        {
            await unwatched.DisposeAsync();
        }
    }

    /// <summary>The connection is gone (SignalR has already taken it out of its groups).</summary>
    public async Task ForgetAsync(string connectionId)
    {
        List<IAsyncDisposable> unwatched = [];
        lock (_lock)
        {
            foreach (var campaignId in _broadcasts.Where(b => b.Value.Connections.Contains(connectionId)).Select(b => b.Key).ToList())
            {
                if (Leave(connectionId, campaignId) is { } subscription)
                {
                    unwatched.Add(subscription);
                }
            }
        }

        foreach (var subscription in unwatched)
        {
            await subscription.DisposeAsync();
        }
    }

    /// <summary>The subscription to dispose when the connection was the campaign's last watcher.</summary>
    private IAsyncDisposable? Leave(string connectionId, long campaignId)
    {
        if (!_broadcasts.TryGetValue(campaignId, out var broadcast) || !broadcast.Connections.Remove(connectionId) || broadcast.Connections.Count > 0)
        {
            return null;
        }

        _broadcasts.Remove(campaignId);
        return broadcast.Subscription;
    }

    private sealed class Broadcast(string group)
    {
        // One send or join at a time: a connection that joins between two readings gets the
        // latest one at once, and never an older one after a newer.
        private readonly SemaphoreSlim _sending = new(1, 1);

        public HashSet<string> Connections { get; } = [];

        public IAsyncDisposable? Subscription { get; set; }

        public CampaignProgressMessage? LastSent { get; private set; }

        public async Task SendAsync(IHubContext<CampaignsHub> hub, CampaignProgress progress, CancellationToken cancellationToken)
        {
            var message = CampaignProgressMessage.From(progress);
            await _sending.WaitAsync(cancellationToken);
            try
            {
                await hub.Clients.Group(group).SendAsync(CampaignsHub.ProgressMessage, message, cancellationToken);
                LastSent = message;
            }
            finally
            {
                _sending.Release();
            }
        }

        public async Task JoinAsync(IHubContext<CampaignsHub> hub, string connectionId, CancellationToken cancellationToken)
        {
            await _sending.WaitAsync(cancellationToken);
            try
            {
                await hub.Groups.AddToGroupAsync(connectionId, group, cancellationToken);
                if (LastSent is { } latest)
                {
                    await hub.Clients.Client(connectionId).SendAsync(CampaignsHub.ProgressMessage, latest, cancellationToken);
                }
            }
            finally
            {
                _sending.Release();
            }
        }
    }
}
