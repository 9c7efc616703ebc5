using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Campaigns.Lifecycle;
using NonprofitPortal.Features.Sending;
using NonprofitPortal.Tests.Infrastructure;
using Quartz;

namespace NonprofitPortal.Tests.Integration.Campaigns;

/// <summary>Several nodes on one PostgreSQL database: the clustered scheduler, scheduled campaigns, a node dying.</summary>
public sealed class ClusterTests(PostgresServer postgres)
{
    private readonly SendingHosts _hosts = new(postgres, onPostgres: true);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_scheduled_campaign_starts_once_with_two_nodes()
    {
        var database = await _hosts.NewDatabaseAsync();
        await using var sink = await SendingHosts.StartSinkAsync();
        await using var nodeA = await _hosts.StartAsync(sink, Node("node-a", sink, ScheduledCampaignTests.QuickStarts), database);
        await using var nodeB = await _hosts.StartAsync(sink, Node("node-b", sink, ScheduledCampaignTests.QuickStarts), database);
        var api = new CampaignApi(await nodeA.AdminClientAsync());
        await api.ImportRecipientsAsync("together-later", 300);

        var launched = await api.ScheduleToTagAsync("together-later", DateTimeOffset.UtcNow.AddSeconds(2));
        var finished = await new CampaignApi(await nodeB.AdminClientAsync()).WaitUntilFinishedAsync(launched.CampaignId, TimeSpan.FromSeconds(60));

        Assert.Equal(CampaignStatus.Scheduled, launched.Status);
        Assert.Equal((CampaignStatus.Completed, 300, 0), (finished.Status, finished.Sent, finished.Failed));
        Assert.Equal(["system"], await ScheduledCampaignTests.StartedEntriesAsync(nodeA, launched.CampaignId));
        var received = sink.ReadMessages().OfCampaign(launched.CampaignId);
        Assert.Equal(300, received.Count);
        Assert.Equal(300, received.Select(m => m.Recipients[0]).Distinct().Count());
    }

    [Fact]
    public async Task Two_nodes_starting_due_campaigns_at_the_same_moment_start_each_once()
    {
        var database = await _hosts.NewDatabaseAsync();
        await using var sink = await SendingHosts.StartSinkAsync();
        // The cluster job stays out of the way: the starts below are the only ones.
        var rarely = new Dictionary<string, string?> { ["Sending:ScheduledCheckSeconds"] = "600" };
        await using var nodeA = await _hosts.StartAsync(sink, Node("node-a", sink, rarely), database);
        await using var nodeB = await _hosts.StartAsync(sink, Node("node-b", sink, rarely), database);
        var api = new CampaignApi(await nodeA.AdminClientAsync());
        await api.ImportRecipientsAsync("race", 5);
        var due = DateTimeOffset.UtcNow.AddSeconds(1);
        var campaigns = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            campaigns.Add((await api.ScheduleToTagAsync("race", due)).CampaignId);
        }

        await Eventually.GetAsync(() => DateTimeOffset.UtcNow > due ? "due" : null, "the send time to pass");
        var starters = new[] { nodeA, nodeB, nodeA, nodeB }.Select(node => node.Services.GetRequiredService<CampaignLifecycle>()).ToList();
        var started = await Task.WhenAll(starters.Select(starter => Task.Run(() => starter.StartDueAsync(Cancel), Cancel)));

        Assert.Equal(5, started.Sum());
        foreach (var id in campaigns)
        {
            Assert.Single(await ScheduledCampaignTests.StartedEntriesAsync(nodeA, id));
            Assert.Equal(CampaignStatus.Completed, (await api.WaitUntilFinishedAsync(id)).Status);
            Assert.Equal(5, sink.ReadMessages().OfCampaign(id).Count);
        }
    }

    [Fact]
    public async Task A_node_killed_mid_campaign_leaves_its_share_to_the_other_node_and_loses_no_recipient()
    {
        var database = await _hosts.NewDatabaseAsync();
        await using var sink = await SendingHosts.StartSinkAsync();
        var pace = new Dictionary<string, string?> { ["Sending:MessagesPerSecond"] = "100", ["Sending:LeaseSeconds"] = "5" };
        await using var nodeA = await PortalProcess.StartAsync(ProcessSettings(database!, sink, Node("node-a", sink, pace)), RealServer.FreeLoopbackPort());
        await using var nodeB = await _hosts.StartAsync(sink, Node("node-b", sink, pace), database);
        var api = new CampaignApi(await nodeB.AdminClientAsync());
        await api.ImportRecipientsAsync("survivor", 600);
        var contexts = nodeB.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();

        var launched = await api.LaunchToTagAsync("survivor");
        await Eventually.GetAsync(async () => await SentByAsync(contexts, launched.CampaignId, "node-a") >= 50 ? "enough" : null, "node A to send 50 messages", TimeSpan.FromSeconds(30));
        await nodeA.KillAsync();
        var heldByTheDeadNode = await LeasedExceptByAsync(contexts, nodeB.Services.GetRequiredService<SendDrainer>().WorkerId);
        var finished = await api.WaitUntilFinishedAsync(launched.CampaignId, TimeSpan.FromSeconds(60));

        Assert.Equal((CampaignStatus.Completed, 600, 0), (finished.Status, finished.Sent, finished.Failed));
        var received = sink.ReadMessages().OfCampaign(launched.CampaignId);
        var perRecipient = received.GroupBy(m => m.Recipients[0]).ToList();
        Assert.Equal(600, perRecipient.Count);
        Assert.InRange(received.Count - 600, 0, heldByTheDeadNode);
        Assert.All(perRecipient, copies => Assert.Single(copies.Select(m => m.Header("Message-ID")).Distinct()));
        Assert.True(await SentByAsync(contexts, launched.CampaignId, "node-b") > 0);
    }

    /// <summary>Both nodes run the cluster scheduler over the database's qrtz_ tables, as one cluster of two.</summary>
    internal static async Task AssertOneClusterAsync(PortalHost nodeA, PortalHost nodeB)
    {
        var a = await nodeA.Services.GetRequiredKeyedService<ISchedulerFactory>(ClusterScheduler.Name).GetScheduler(Cancel);
        var b = await nodeB.Services.GetRequiredKeyedService<ISchedulerFactory>(ClusterScheduler.Name).GetScheduler(Cancel);
        // The schedulers start once each app has started, a moment after the host is up.
        var (metadataA, metadataB) = await Eventually.GetAsync(
            async () =>
            {
                var both = Tuple.Create(await a.GetMetadata(Cancel), await b.GetMetadata(Cancel));
                return both.Item1.Status == SchedulerStatus.Running && both.Item2.Status == SchedulerStatus.Running ? both : null;
            },
            "both cluster schedulers to run");
        Assert.True(metadataA.JobStoreClustered && metadataB.JobStoreClustered);
        Assert.NotEqual(metadataA.SchedulerInstanceId, metadataB.SchedulerInstanceId);
        var nodes = await a.QueryClusterNodes(Cancel);
        Assert.Equal(new[] { metadataA.SchedulerInstanceId, metadataB.SchedulerInstanceId }.Order(), nodes.Select(n => n.InstanceId).Order());
    }

    /// <summary>The node's one server named after the node, so each send records which node sent it.</summary>
    public static Dictionary<string, string?> Node(string name, SmtpSink sink, IReadOnlyDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Mail:Smtp:Servers:0:Name"] = name,
            ["Mail:Smtp:Servers:0:Host"] = sink.Host,
            ["Mail:Smtp:Servers:0:Port"] = sink.Port.ToString(CultureInfo.InvariantCulture),
            ["Sending:BatchSize"] = "20",
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>What <see cref="SendingHosts"/> gives an in-process host, for a node in its own process.</summary>
    private static Dictionary<string, string> ProcessSettings(string database, SmtpSink sink, Dictionary<string, string?> node)
    {
        var settings = new Dictionary<string, string?>(SendingHosts.Settings(sink))
        {
            ["Database:Provider"] = "PostgreSQL",
            ["ConnectionStrings:Default"] = database,
            ["Mail:From"] = "Portal Tests <portal@portal.test>",
            ["Seed:AdminEmail"] = PortalHost.AdminEmail,
            ["Seed:AdminPassword"] = PortalHost.AdminPassword,
            ["RateLimits:SignInPerMinute"] = "1000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in node)
        {
            settings[key] = value;
        }

        return settings.Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value!);
    }

    private static async Task<int> SentByAsync(IDbContextFactory<AppDbContext> contexts, long campaignId, string node)
    {
        await using var db = await contexts.CreateDbContextAsync(Cancel);
        return await db.EmailSends.CountAsync(s => s.CampaignId == campaignId && s.Status == SendStatus.Sent && s.ServerName == node, Cancel);
    }

    /// <summary>Rows leased to anyone but the living node: after the kill, those the dead one held, the most that can go out twice.</summary>
    private static async Task<int> LeasedExceptByAsync(IDbContextFactory<AppDbContext> contexts, string livingWorker)
    {
        await using var db = await contexts.CreateDbContextAsync(Cancel);
        return await db.EmailSends.CountAsync(s => s.Status == SendStatus.Sending && s.LeaseOwner != livingWorker, Cancel);
    }
}
