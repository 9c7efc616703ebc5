using NonprofitPortal.Features.Sending;
using Quartz;

namespace NonprofitPortal.Features.Bounces.Mailboxes;

/// <summary>Reads the bounce mailboxes every <c>Bounces:PollSeconds</c>, once for the whole cluster.</summary>
[DisallowConcurrentExecution]
public sealed class PollBounceMailboxesJob(BounceMailboxPoller poller) : IJob
{
    public static readonly JobKey Key = new("poll-bounce-mailboxes", ClusterScheduler.JobGroup);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await poller.PollAllAsync(cancellationToken);
}
