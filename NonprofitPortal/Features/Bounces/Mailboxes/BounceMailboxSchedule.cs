using Microsoft.Extensions.Options;
using NonprofitPortal.Features.Sending;
using Quartz;

namespace NonprofitPortal.Features.Bounces.Mailboxes;

/// <summary>
/// Puts the mailbox poll into the cluster scheduler as the app starts. Quartz 4.7 registers a named
/// scheduler's jobs in the one <c>AddQuartz(name, ...)</c> call that creates it (a second call with
/// the name throws), and that call belongs to Sending; so the job is scheduled here instead, replacing
/// what an earlier start (or another node) stored, which leaves one job and one trigger per cluster.
/// </summary>
internal sealed class BounceMailboxSchedule(
    [FromKeyedServices(ClusterScheduler.Name)] ISchedulerFactory schedulers, IOptions<BounceOptions> options, TimeProvider time) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var poll = options.Value.Poll;
        var job = JobBuilder.Create<PollBounceMailboxesJob>().WithIdentity(PollBounceMailboxesJob.Key).StoreDurably().Build();
        // The first poll waits one interval, as every later one does.
        var trigger = TriggerBuilder.Create()
            .ForJob(PollBounceMailboxesJob.Key)
            .WithIdentity($"{PollBounceMailboxesJob.Key.Name}-interval", PollBounceMailboxesJob.Key.Group)
            .StartAt(time.GetUtcNow() + poll)
            .WithSimpleSchedule(schedule => schedule.WithInterval(poll).RepeatForever())
            .Build();
        await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
