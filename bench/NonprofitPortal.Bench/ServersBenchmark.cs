using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NonprofitPortal.Features.Sending;

namespace NonprofitPortal.Bench;

/// <summary>One campaign drained through one smtp-sink, then through two (same connections per server), in the same run.</summary>
public static class ServersBenchmark
{
    public static async Task RunAsync(int recipients, int connections, string workDirectory)
    {
        var oneSink = await DrainRateAsync(recipients, connections, sinks: 1, Path.Combine(workDirectory, "one.db"));
        var twoSinks = await DrainRateAsync(recipients, connections, sinks: 2, Path.Combine(workDirectory, "two.db"));
        Console.WriteLine($"one sink: {oneSink:N0} msg/s; two sinks: {twoSinks:N0} msg/s; ratio {twoSinks / oneSink:F2}");
        Console.WriteLine($"RESULT recipients={recipients} connections_per_server={connections} one={oneSink:F0} two={twoSinks:F0} ratio={twoSinks / oneSink:F2}");
    }

    private static async Task<double> DrainRateAsync(int recipients, int connections, int sinks, string database)
    {
        var started = new List<SendingBenchmark.Sink>();
        try
        {
            for (var i = 0; i < sinks; i++)
            {
                started.Add(await SendingBenchmark.Sink.StartAsync());
            }

            await using var app = await SendingBenchmark.BuildAsync("Sqlite", $"Data Source={database};Default Timeout=30", started[0].Port, connections, started.Select(s => s.Port).ToList());
            await SendingBenchmark.SeedNonprofitsAsync(app.Services, recipients);
            await SendingBenchmark.LaunchAsync(app.Services, SendingBenchmark.Everyone, []);
            var drain = Stopwatch.StartNew();
            await app.Services.GetRequiredService<SendDrainer>().DrainAsync(CancellationToken.None);
            var rate = recipients / drain.Elapsed.TotalSeconds;
            Console.WriteLine($"{sinks} sink(s), {connections} connections each: {recipients:N0} in {drain.Elapsed.TotalSeconds:F1} s, {rate:N0} msg/s");
            return rate;
        }
        finally
        {
            foreach (var sink in started)
            {
                await sink.DisposeAsync();
            }
        }
    }
}
