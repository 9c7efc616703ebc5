using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Sending;

namespace NonprofitPortal.Bench;

/// <summary>
/// Scale-out on PostgreSQL: a campaign drained by one node, then one drained by two nodes (two
/// hosts on the same database, claiming rows concurrently), in the same run and into the same
/// smtp-sink, against smtp-source's rate with all the connections of both nodes.
/// </summary>
public static class NodesBenchmark
{
    public static async Task RunAsync(int recipients, int connections, string postgres)
    {
        await using var sink = await SendingBenchmark.Sink.StartAsync();
        await using var first = await SendingBenchmark.BuildAsync("PostgreSQL", postgres, sink.Port, connections);
        await using var second = await SendingBenchmark.BuildAsync("PostgreSQL", postgres, sink.Port, connections);
        Console.WriteLine($"PostgreSQL, two nodes, {recipients:N0} recipients, {connections} connections per node, smtp-sink on port {sink.Port}");
        await SendingBenchmark.SeedNonprofitsAsync(first.Services, recipients);

        // Both nodes' code optimised by the JIT before anything is timed, as on servers that have run for a while.
        await SendingBenchmark.LaunchAsync(first.Services, SendingBenchmark.Everyone, ["officer@foundation.test"]);
        await Task.WhenAll(DrainAsync(first), DrainAsync(second));

        var limit = await sink.SourceRateAsync(recipients, SendingBenchmark.SampleMessageBytes(first.Services), 2 * connections);
        var oneNode = await RateAsync(recipients, first.Services, () => DrainAsync(first));
        var twoNodes = await RateAsync(recipients, first.Services, () => Task.WhenAll(DrainAsync(first), DrainAsync(second)));
        Console.WriteLine($"smtp-source over {2 * connections} connections: {limit:N0} msg/s");
        Console.WriteLine($"one node: {oneNode:N0} msg/s (ratio to smtp-source {oneNode / limit:F2}); two nodes: {twoNodes:N0} msg/s ({twoNodes / limit:F2}); two over one {twoNodes / oneNode:F2}");
        Console.WriteLine($"RESULT recipients={recipients} connections_per_node={connections} source={limit:F0} one={oneNode:F0} two={twoNodes:F0} one_ratio={oneNode / limit:F2} two_ratio={twoNodes / limit:F2} scale={twoNodes / oneNode:F2}");
    }

    private static Task DrainAsync(WebApplication node) => node.Services.GetRequiredService<SendDrainer>().DrainAsync(CancellationToken.None);

    private static async Task<double> RateAsync(int recipients, IServiceProvider services, Func<Task> drain)
    {
        var campaignId = await SendingBenchmark.LaunchAsync(services, SendingBenchmark.Everyone, ["officer@foundation.test"]);
        var watch = Stopwatch.StartNew();
        await drain();
        var seconds = watch.Elapsed.TotalSeconds;
        var progress = await services.GetRequiredService<CampaignService>().ProgressAsync(campaignId, CancellationToken.None);
        if (progress!.Sent != recipients)
        {
            throw new InvalidOperationException($"Expected {recipients:N0} sent, got {progress.Sent:N0}.");
        }

        return recipients / seconds;
    }
}
