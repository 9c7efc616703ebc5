using Quartz;

namespace NonprofitPortal.Features.Sending;

/// <summary>Starts a drain now rather than at the next interval: there is new work.</summary>
public sealed class SendingTrigger(ISchedulerFactory schedulers, ILogger<SendingTrigger> logger)
{
    public async Task WakeAsync(CancellationToken cancellationToken)
    {
        try
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            await scheduler.TriggerJob(DrainSendsJob.Key, cancellationToken);
        }
        catch (SchedulerException exception)
        {
            // Shutting down, or not started yet: the interval trigger picks the work up.
            logger.LogInformation(exception, "Could not start a drain at once; the next interval will");
        }
    }
}
