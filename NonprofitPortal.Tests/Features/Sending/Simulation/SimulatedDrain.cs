using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using NonprofitPortal.Features.Bounces;
using NonprofitPortal.Features.Campaigns.Tokens;
using NonprofitPortal.Features.Drafts.Templates;
using NonprofitPortal.Features.Operations;
using NonprofitPortal.Features.Sending;
using NonprofitPortal.Features.Sending.Dkim;
using NonprofitPortal.Features.Sending.Transport;

namespace NonprofitPortal.Tests.Features.Sending.Simulation;

/// <summary>
/// The real drain (claims, leases, renewals, pacing, routing, composing, recording) over an
/// in-memory queue, a simulated relay and simulated time, run as the app runs it: the drain job
/// every <c>PollSeconds</c>, lease recovery every half lease.
/// </summary>
internal sealed class SimulatedDrain
{
    public static readonly CampaignContent Campaign = new(1, "News for {{ nonprofit.name }}", "<p>Dear {{ nonprofit.name }},</p><p>News.</p>", [], "Program Officer", "officer@foundation.test");

    private readonly SendingOptions _options;

    /// <param name="nodes">Nodes draining the same queue into the same relay, each with its own connections and pace: a lease that runs out is claimed by another node.</param>
    public SimulatedDrain(SendingOptions options, double serverMessagesPerSecond, int recipients, int nodes = 2)
    {
        _options = options;
        Relay = new SimulatedRelay(Time);
        Queue = new InMemorySendQueue(Time, options.Lease, Campaign);
        Queue.Add(recipients);
        Outage = new DatabaseOutage(Time, new FakeLogger<DatabaseOutage>(Logs));
        Nodes = Enumerable.Range(1, nodes).Select(node => Node(node, serverMessagesPerSecond)).ToList();
    }

    public SimulatedTime Time { get; } = new();

    public SimulatedRelay Relay { get; }

    public InMemorySendQueue Queue { get; }

    /// <summary>Shared by the nodes here, as each node's own would see the same database.</summary>
    public DatabaseOutage Outage { get; }

    public IReadOnlyList<SendDrainer> Nodes { get; }

    public FakeLogCollector Logs { get; } = new();

    /// <summary>Exceptions the drain job let out (the app's job would fail and be run again).</summary>
    public List<Exception> DrainFailures { get; } = [];

    /// <summary>Runs until every row is settled (sent, failed or skipped).</summary>
    public async Task RunAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        using var stop = new CancellationTokenSource();
        using var recovery = Time.CreateTimer(_ => Recover(), null, _options.Lease / 2, _options.Lease / 2);
        var jobs = Nodes.Select(node => Task.Run(() => DrainEveryPollAsync(node, stop.Token), CancellationToken.None)).ToList();
        try
        {
            await Time.RunUntilAsync(() => Queue.Settled == Queue.Count, limit, cancellationToken);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(jobs);
        }
    }

    private void Recover() => _ = RecoverAsync();

    private async Task RecoverAsync()
    {
        try
        {
            await Nodes[0].RecoverExpiredLeasesAsync(CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            // The database is down: the job tries again next time.
        }
    }

    private SendDrainer Node(int number, double serverMessagesPerSecond)
    {
        var loggers = new FakeLoggerProvider(Logs);
        var server = new MailServer("relay", "relay.test:25", 1, _options.Connections, serverMessagesPerSecond, _options.Break, Relay.Connect, Time, loggers.CreateLogger($"node-{number}"), Metrics(Time));
        var servers = new MailServers([server], _options.MessagesPerSecond, Time);
        var app = Options.Create(new AppOptions { PublicUrl = new Uri("https://portal.test/") });
        var tokens = new SendTokens(RandomNumberGenerator.GetBytes(32));
        var messages = new CampaignMessages(
            new TemplateRenderer(),
            tokens,
            new ReturnPaths(tokens, Options.Create(new BounceOptions())),
            new PublicAddress(app, null!),
            Options.Create(new MailOptions { From = "Foundation <news@foundation.test>" }),
            app,
            Unsigned(Time),
            Time);
        return new SendDrainer(Queue, servers, messages, Outage, Options.Create(_options), Time, new FakeLogger<SendDrainer>(Logs));
    }

    /// <summary>A signer without DKIM keys: simulated messages go out unsigned.</summary>
    public static MessageSigner Unsigned(TimeProvider time) => new(Options.Create(new DkimOptions()), new HostingEnvironment(), time);

    /// <summary>The instruments a mail server reports to; no database behind the backlog gauges, which a simulation never reads.</summary>
    public static SendingMetrics Metrics(TimeProvider time) =>
        new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>(), new SendingBacklog(null!, time));

    private async Task DrainEveryPollAsync(SendDrainer node, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await node.DrainAsync(stop);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                DrainFailures.Add(exception);
            }

            try
            {
                await Task.Delay(_options.Poll, Time, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
