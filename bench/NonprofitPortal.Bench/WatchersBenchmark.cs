using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Drafts;
using NonprofitPortal.Features.Nonprofits;

namespace NonprofitPortal.Bench;

/// <summary>
/// The whole app on Kestrel sending a campaign into smtp-sink, once with nobody watching and
/// once with N SignalR clients watching it on /hubs/campaigns, in the same run.
/// </summary>
public static class WatchersBenchmark
{
    private const string AdminEmail = "bench@foundation.test";
    private const string AdminPassword = "Bench-Admin-Pass-1!";

    public static async Task RunAsync(int recipients, int watchers, string workDirectory)
    {
        await using var sink = await SendingBenchmark.Sink.StartAsync();
        // The first host started in a process pays for JIT and first-use costs: not measured.
        await DrainRateAsync(Math.Min(recipients, 5_000), 0, sink.Port, Path.Combine(workDirectory, "warm-up.db"));
        var alone = await DrainRateAsync(recipients, 0, sink.Port, Path.Combine(workDirectory, "alone.db"));
        var watched = await DrainRateAsync(recipients, watchers, sink.Port, Path.Combine(workDirectory, "watched.db"));
        Console.WriteLine($"no watchers: {alone.Rate:N0} msg/s; {watchers} watchers: {watched.Rate:N0} msg/s ({watched.Messages:N0} progress messages received); ratio {watched.Rate / alone.Rate:F2}");
        Console.WriteLine($"RESULT recipients={recipients} watchers={watchers} alone={alone.Rate:F0} watched={watched.Rate:F0} ratio={watched.Rate / alone.Rate:F2} messages={watched.Messages}");
    }

    private static async Task<(double Rate, long Messages)> DrainRateAsync(int recipients, int watchers, int smtpPort, string database)
    {
        await using var host = new AppHost(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Default"] = $"Data Source={database};Default Timeout=30",
            ["Mail:Transport"] = "Smtp",
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
            ["Mail:From"] = "Foundation <grants@foundation.test>",
            ["App:PublicUrl"] = "https://portal.foundation.test/",
            ["Seed:AdminEmail"] = AdminEmail,
            ["Seed:AdminPassword"] = AdminPassword,
            ["Sending:PollSeconds"] = "0.2",
            ["RateLimits:SignInPerMinute"] = "1000",
        });
        host.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        host.StartServer();
        var address = new Uri(host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        await SendingBenchmark.SeedNonprofitsAsync(host.Services, recipients);
        var campaigns = host.Services.GetRequiredService<CampaignService>();
        var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, AdminEmail)], "bench"));

        // Launched and paused at once, so the watchers are in place before the timed part starts.
        var launched = await host.Services.GetRequiredService<CampaignLauncher>().LaunchAsync(
            new CampaignInput("Bench", null, SendingBenchmark.Subject, SendingBenchmark.Body, new RecipientSelection(true, [], DirectoryFilter.All), []),
            admin, null, CancellationToken.None);
        var campaignId = launched.Value!.Id;
        await campaigns.PauseAsync(campaignId, admin, CancellationToken.None);

        long messages = 0;
        var connections = new List<HubConnection>();
        try
        {
            var token = await TokenAsync(address);
            for (var i = 0; i < watchers; i++)
            {
                var connection = new HubConnectionBuilder()
                    .WithUrl(new Uri(address, "hubs/campaigns"), options => options.AccessTokenProvider = () => Task.FromResult<string?>(token))
                    .Build();
                connection.On<JsonElement>("progress", _ => Interlocked.Increment(ref messages));
                await connection.StartAsync();
                await connection.InvokeAsync("Watch", campaignId);
                connections.Add(connection);
            }

            await WaitUntilSettledAsync(host, campaignId);
            var before = (await campaigns.ProgressAsync(campaignId, CancellationToken.None))!.Done;
            var watch = Stopwatch.StartNew();
            await campaigns.ResumeAsync(campaignId, admin, CancellationToken.None);
            while ((await campaigns.ProgressAsync(campaignId, CancellationToken.None))!.Status != CampaignStatus.Completed)
            {
                await Task.Delay(20);
            }

            var rate = (recipients - before) / watch.Elapsed.TotalSeconds;
            Console.WriteLine($"{watchers} watchers: {recipients - before:N0} messages in {watch.Elapsed.TotalSeconds:F1} s, {rate:N0} msg/s");
            return (rate, Interlocked.Read(ref messages));
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    /// <summary>Waits until the batch claimed before the pause is recorded.</summary>
    private static async Task WaitUntilSettledAsync(AppHost host, long campaignId)
    {
        var campaigns = host.Services.GetRequiredService<CampaignService>();
        var last = -1;
        while (true)
        {
            await Task.Delay(500);
            var done = (await campaigns.ProgressAsync(campaignId, CancellationToken.None))!.Done;
            if (done == last)
            {
                return;
            }

            last = done;
        }
    }

    private static async Task<string> TokenAsync(Uri address)
    {
        using var client = new HttpClient { BaseAddress = address };
        var response = await client.PostAsJsonAsync("/api/auth/token", new { email = AdminEmail, password = AdminPassword });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    // Any type of the app's assembly names its entry point; this project has a Program of its own.
    private sealed class AppHost(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<CampaignService>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.ConfigureLogging(logging => logging.ClearProviders());
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
