using Microsoft.Extensions.Options;
using Quartz;

namespace NonprofitPortal.Features.Sending;

/// <summary>
/// Quartz's hosted service, except that stopping ends when the host's shutdown time is up. A
/// clustered scheduler whose database is unreachable retries its last writes for ever while it
/// shuts down, and its cluster-management threads (foreground threads) would then keep the
/// process alive after <c>Main</c> returns; so once the host has stopped, the process exits.
/// Leaving is safe: the leases of whatever this node still held run out and other nodes (or this
/// one, restarted) take the rows back.
/// </summary>
internal sealed partial class BoundedQuartzHostedService(
    IHostApplicationLifetime lifetime,
    IServiceProvider services,
    IOptionsMonitor<QuartzHostedServiceOptions> options,
    ILogger<BoundedQuartzHostedService> logger)
    : IHostedLifecycleService
{
    private readonly QuartzHostedService _quartz = new(lifetime, services, options);

    public Task StartingAsync(CancellationToken cancellationToken) => _quartz.StartingAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => _quartz.StartAsync(cancellationToken);

    public Task StartedAsync(CancellationToken cancellationToken) => _quartz.StartedAsync(cancellationToken);

    public Task StoppingAsync(CancellationToken cancellationToken) => _quartz.StoppingAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var stopping = _quartz.StopAsync(cancellationToken);
        if (await Task.WhenAny(stopping, Task.Delay(Timeout.Infinite, cancellationToken)) == stopping)
        {
            await stopping;
            return;
        }

        LogGaveUp();
        // Environment.Exit waits for the host to be disposed (the console lifetime sees to that), then ends Quartz's threads.
        lifetime.ApplicationStopped.Register(() => new Thread(() => Environment.Exit(Environment.ExitCode)) { IsBackground = true }.Start());
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => _quartz.StoppedAsync(cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The schedulers did not stop within the shutdown time (is the database reachable?): leaving them; what this node held goes back to the queue when its leases run out")]
    private partial void LogGaveUp();
}
