using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using NonprofitPortal.Features.Campaigns.Progress;

namespace NonprofitPortal.Tests.Integration.Campaigns;

/// <summary>A real SignalR client of <c>/hubs/campaigns</c> on the host's test server (long polling), with what it received.</summary>
public sealed class CampaignsHubClient : IAsyncDisposable
{
    private readonly ConcurrentQueue<ProgressMessage> _received = new();

    private CampaignsHubClient(PortalHost host, string? token)
    {
        Connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host.Server.BaseAddress, CampaignsHub.Path), HttpTransportType.LongPolling, options =>
            {
                options.HttpMessageHandlerFactory = _ => host.Server.CreateHandler();
                options.AccessTokenProvider = () => Task.FromResult(token);
            })
            .Build();
        Connection.On<ProgressMessage>(CampaignsHub.ProgressMessage, _received.Enqueue);
    }

    public HubConnection Connection { get; }

    public IReadOnlyList<ProgressMessage> Received => _received.ToList();

    /// <summary>Not started: the caller starts it (and may expect that to fail).</summary>
    public static CampaignsHubClient For(PortalHost host, string? token) => new(host, token);

    public Task WatchAsync(long campaignId) => Connection.InvokeAsync(nameof(CampaignsHub.Watch), campaignId, TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => Connection.DisposeAsync();

    /// <summary>As a script sees it: the status is a plain string.</summary>
    public sealed record ProgressMessage(long CampaignId, string Status, int Total, int Sent, int Failed, int Pending, double RatePerSecond);
}
