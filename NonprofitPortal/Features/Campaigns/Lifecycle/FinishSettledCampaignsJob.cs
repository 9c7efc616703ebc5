using NonprofitPortal.Features.Sending;
using Quartz;

namespace NonprofitPortal.Features.Campaigns.Lifecycle;

/// <summary>Finishes campaigns left unfinished with nothing to send, once a minute, once for the whole cluster.</summary>
[DisallowConcurrentExecution]
public sealed class FinishSettledCampaignsJob(CampaignLifecycle lifecycle) : IJob
{
    public static readonly JobKey Key = new("finish-settled-campaigns", ClusterScheduler.JobGroup);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await lifecycle.FinishSettledAsync(cancellationToken);
}
