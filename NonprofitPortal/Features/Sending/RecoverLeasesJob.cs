using Quartz;

namespace NonprofitPortal.Features.Sending;

/// <summary>
/// Makes rows whose worker died claimable again, once for the whole cluster, every
/// <c>Sending:LeaseSeconds</c>/2. Each drain also does it as it starts, so that a restarted node
/// takes its predecessor's rows back without waiting; this covers long drains and idle nodes.
/// </summary>
[DisallowConcurrentExecution]
public sealed class RecoverLeasesJob(SendDrainer drainer, SendingTrigger trigger) : IJob
{
    public static readonly JobKey Key = new("recover-leases", ClusterScheduler.JobGroup);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (await drainer.RecoverExpiredLeasesAsync(cancellationToken) > 0)
        {
            await trigger.WakeAsync(cancellationToken);
        }
    }
}
