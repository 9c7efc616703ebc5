using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace NonprofitPortal.Features.Sending;

/// <summary>
/// Ready only while both schedulers run: the node's own (the drain) and the cluster's (scheduled
/// campaigns, lease recovery). A node whose schedulers stand by or have shut down sends nothing.
/// </summary>
internal sealed class SchedulersHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var local = await (await services.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellationToken)).GetStatus(cancellationToken);
        var cluster = await (await services.GetRequiredKeyedService<ISchedulerFactory>(ClusterScheduler.Name).GetScheduler(cancellationToken)).GetStatus(cancellationToken);
        var data = new Dictionary<string, object> { ["local"] = local.ToString(), ["cluster"] = cluster.ToString() };
        var stopped = new[] { ("the drain's scheduler", local), ("the cluster scheduler", cluster) }
            .Where(s => s.Item2 != SchedulerStatus.Running)
            .Select(s => $"{s.Item1} is {s.Item2.ToString().ToLowerInvariant()}")
            .ToList();
        return stopped.Count == 0
            ? HealthCheckResult.Healthy("Both schedulers are running.", data)
            : HealthCheckResult.Unhealthy($"Not running: {string.Join("; ", stopped)}.", data: data);
    }
}
