using NonprofitPortal.Features.Sending;
using Quartz;

namespace NonprofitPortal.Features.Campaigns.Lifecycle;

/// <summary>Starts the scheduled campaigns that are due, every <c>Sending:ScheduledCheckSeconds</c>, once for the whole cluster.</summary>
[DisallowConcurrentExecution]
public sealed class StartScheduledCampaignsJob(CampaignLifecycle lifecycle) : IJob
{
    public static readonly JobKey Key = new("start-scheduled-campaigns", ClusterScheduler.JobGroup);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await lifecycle.StartDueAsync(cancellationToken);
}
