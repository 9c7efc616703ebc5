using System.Net;
using NonprofitPortal.Features.Sending;
using Quartz;

namespace NonprofitPortal.Tests.Integration.Sending;

public sealed class SchedulerHealthTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Readiness_fails_while_a_scheduler_stands_by_and_recovers_when_it_runs_again()
    {
        await using var host = new PortalHost();
        using var client = host.CreateClient();
        var cluster = await host.Services.GetRequiredKeyedService<ISchedulerFactory>(ClusterScheduler.Name).GetScheduler(Cancel);

        var ready = await client.GetAsync("/health/ready", Cancel);
        await cluster.Standby(Cancel);
        var standingBy = await client.GetAsync("/health/ready", Cancel);
        var live = await client.GetAsync("/health/live", Cancel);
        await cluster.Start(Cancel);
        var readyAgain = await client.GetAsync("/health/ready", Cancel);

        Assert.Equal((HttpStatusCode.OK, "Healthy"), (ready.StatusCode, await ready.Content.ReadAsStringAsync(Cancel)));
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (standingBy.StatusCode, await standingBy.Content.ReadAsStringAsync(Cancel)));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, readyAgain.StatusCode);
    }
}
