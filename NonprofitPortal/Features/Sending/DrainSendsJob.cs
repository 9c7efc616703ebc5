using Quartz;

namespace NonprofitPortal.Features.Sending;

/// <summary>
/// Runs the drain on a short interval, and at once when a campaign is launched or resumed
/// (<see cref="SendingTrigger"/>). One run per node at a time; nodes share the work through row claims.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DrainSendsJob(SendDrainer drainer) : IJob
{
    public static readonly JobKey Key = new("drain-sends", "sending");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await drainer.DrainAsync(cancellationToken);
}
