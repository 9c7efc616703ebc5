using NonprofitPortal.Features.Sending.Queue;
using Quartz;

namespace NonprofitPortal.Features.Sending;

/// <summary>
/// Makes rows whose worker died claimable again, once for the whole cluster. Each drain does this
/// too while it runs; this covers the time when no drain on a live node is running.
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
