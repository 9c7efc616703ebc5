using NonprofitPortal.Features.Sending;
using Quartz;

namespace NonprofitPortal.Features.Webhooks.Delivery;

/// <summary>Sends due webhook deliveries every <c>Webhooks:PollSeconds</c>, on one node of the cluster at a time (which keeps each endpoint's order).</summary>
[DisallowConcurrentExecution]
public sealed class DeliverWebhooksJob(WebhookDispatcher dispatcher) : IJob
{
    public static readonly JobKey Key = new("deliver-webhooks", ClusterScheduler.JobGroup);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await dispatcher.DeliverDueAsync(cancellationToken);
}
