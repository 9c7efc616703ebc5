using NonprofitPortal.Features.Campaigns;
using Quartz;

namespace NonprofitPortal.Features.Sending;

/// <summary>Starts the scheduled campaigns that are due, every <c>Sending:ScheduledCheckSeconds</c>.</summary>
[DisallowConcurrentExecution]
public sealed class StartScheduledCampaignsJob(ScheduledCampaigns scheduled) : IJob
{
    public static readonly JobKey Key = new("start-scheduled-campaigns", ClusterScheduler.JobGroup);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await scheduled.StartDueAsync(cancellationToken);
}
