using NonprofitPortal.Features.Sending.Queue;
using Quartz;

namespace NonprofitPortal.Features.Sending;

/// <summary>
/// Makes rows whose worker died claimable again, once for the whole cluster, every
/// <c>Sending:LeaseSeconds</c>/2. Each drain also does it as it starts, so that a restarted node
/// takes its predecessor's rows back without waiting; this covers long drains and idle nodes.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class RecoverLeasesJob(SendQueue queue, SendingTrigger trigger, ILogger<RecoverLeasesJob> logger) : IJob
{
    public static readonly JobKey Key = new("recover-leases", ClusterScheduler.JobGroup);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var recovered = await queue.RecoverExpiredLeasesAsync(cancellationToken);
        if (recovered > 0)
        {
            LogRecovered(recovered);
            await trigger.WakeAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Made {Count} sends pending again: the workers holding them stopped before their lease ran out")]
    private partial void LogRecovered(int count);
}
