using NonprofitPortal.Features.Campaigns;
using Quartz;

namespace NonprofitPortal.Features.Sending;

/// <summary>Finishes campaigns left sending with nothing to send, once a minute.</summary>
[DisallowConcurrentExecution]
public sealed class FinishSettledCampaignsJob(CampaignHousekeeping housekeeping) : IJob
{
    public static readonly JobKey Key = new("finish-settled-campaigns", ClusterScheduler.JobGroup);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await housekeeping.FinishSettledAsync(cancellationToken);
}
