using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Sending.Queue;
using NonprofitPortal.Tests.Data;
using NonprofitPortal.Tests.Infrastructure;

namespace NonprofitPortal.Tests.Integration.Campaigns;

/// <summary>Several workers on several nodes claiming from one PostgreSQL database.</summary>
public sealed class PostgresClaimTests(PostgresServer postgres)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Four_workers_claiming_at_once_never_get_the_same_row()
    {
        RealServer.Require(postgres.IsAvailable, $"PostgreSQL is needed: {postgres.UnavailableReason}");
        using var model = new ProviderModel("PostgreSQL", await postgres.CreateDatabaseAsync("claims", Cancel));
        var contexts = model.Get<IDbContextFactory<AppDbContext>>();
        var campaignId = await SeedAsync(contexts, sends: 3000);
        var queue = model.Get<SendQueue>();
        var claimed = new ConcurrentBag<(string Worker, long SendId)>();

        await Task.WhenAll(Enumerable.Range(1, 4).Select(worker => Task.Run(async () =>
        {
            var owner = $"worker-{worker}";
            while ((await queue.ClaimAsync(owner, 25, Cancel)).Sends is { Count: > 0 } batch)
            {
                foreach (var send in batch)
                {
                    claimed.Add((owner, send.Id));
                }
            }
        }, Cancel)));

        Assert.Equal(3000, claimed.Count);
        Assert.Equal(3000, claimed.Select(c => c.SendId).Distinct().Count());
        Assert.All(claimed.GroupBy(c => c.Worker), worker => Assert.NotEmpty(worker));
        await using var db = await contexts.CreateDbContextAsync(Cancel);
        Assert.Equal(3000, await db.EmailSends.CountAsync(s => s.CampaignId == campaignId && s.Status == SendStatus.Sending && s.Attempts == 1, Cancel));
    }

    [Fact]
    public async Task A_batch_of_outcomes_is_written_only_where_the_writer_still_holds_the_lease()
    {
        RealServer.Require(postgres.IsAvailable, $"PostgreSQL is needed: {postgres.UnavailableReason}");
        using var model = new ProviderModel("PostgreSQL", await postgres.CreateDatabaseAsync("outcomes", Cancel));
        var contexts = model.Get<IDbContextFactory<AppDbContext>>();
        var campaignId = await SeedAsync(contexts, sends: 4);
        var queue = model.Get<SendQueue>();
        var mine = (await queue.ClaimAsync("worker-a", 3, Cancel)).Sends;
        var theirs = (await queue.ClaimAsync("worker-b", 3, Cancel)).Sends.Single();
        var at = DateTimeOffset.UtcNow;
        var next = at.AddMinutes(5);

        await queue.RecordAsync("worker-a", [
            SendOutcome.Sent(mine[0], at, "<m0@example>", "relay-1", "250 2.0.0 queued"),
            SendOutcome.Failed(mine[1], at, "550 5.1.1 no such user", server: "relay-1"),
            SendOutcome.Retry(mine[2], at, next, "421 try later", refund: true, server: "relay-2"),
            SendOutcome.Sent(theirs, at, "<late@example>", "relay-1", "250 late"),
        ], Cancel);

        await using var db = await contexts.CreateDbContextAsync(Cancel);
        var rows = await db.EmailSends.AsNoTracking().Where(s => s.CampaignId == campaignId).ToDictionaryAsync(s => s.Id, Cancel);
        var sent = rows[mine[0].Id];
        Assert.Equal((SendStatus.Sent, "<m0@example>", "relay-1", "250 2.0.0 queued", (string?)null, 1), (sent.Status, sent.MessageId, sent.ServerName, sent.ServerReply, sent.LeaseOwner, sent.Attempts));
        Assert.Equal(at.ToUnixTimeMilliseconds(), sent.SentAt?.ToUnixTimeMilliseconds());
        var failed = rows[mine[1].Id];
        Assert.Equal((SendStatus.Failed, "550 5.1.1 no such user", (DateTimeOffset?)null), (failed.Status, failed.LastError, failed.SentAt));
        var retried = rows[mine[2].Id];
        Assert.Equal((SendStatus.Pending, 0, "relay-2", "421 try later"), (retried.Status, retried.Attempts, retried.ServerName, retried.LastError));
        Assert.Equal(next.ToUnixTimeMilliseconds(), retried.NextAttemptAt.ToUnixTimeMilliseconds());
        var untouched = rows[theirs.Id];
        Assert.Equal((SendStatus.Sending, "worker-b", (string?)null), (untouched.Status, untouched.LeaseOwner, untouched.MessageId));
        var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaignId, Cancel);
        Assert.Equal((1, 1), (campaign.Sent, campaign.Failed));
    }

    [Fact]
    public async Task Two_nodes_on_one_database_drain_one_campaign_together_with_no_recipient_twice()
    {
        var hosts = new SendingHosts(postgres, onPostgres: true);
        var database = await hosts.NewDatabaseAsync();
        await using var sink = await SendingHosts.StartSinkAsync();
        await using var nodeA = await hosts.StartAsync(sink, ClusterTests.Node("node-a", sink), database);
        await using var nodeB = await hosts.StartAsync(sink, ClusterTests.Node("node-b", sink), database);
        await ClusterTests.AssertOneClusterAsync(nodeA, nodeB);
        var api = new CampaignApi(await nodeA.AdminClientAsync());
        await api.ImportRecipientsAsync("together", 1500);

        var launched = await api.LaunchToTagAsync("together");
        var finished = await new CampaignApi(await nodeB.AdminClientAsync()).WaitUntilFinishedAsync(launched.CampaignId, TimeSpan.FromSeconds(60));

        Assert.Equal((CampaignStatus.Completed, 1500, 0), (finished.Status, finished.Sent, finished.Failed));
        var received = sink.ReadMessages().OfCampaign(launched.CampaignId);
        Assert.Equal(1500, received.Count);
        Assert.Equal(1500, received.Select(m => m.Recipients[0]).Distinct().Count());
        await using var db = await nodeA.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Cancel);
        var byNode = await db.EmailSends.Where(s => s.CampaignId == launched.CampaignId).GroupBy(s => s.ServerName).Select(g => new { Node = g.Key, Count = g.Count() }).ToListAsync(Cancel);
        Assert.Equal(["node-a", "node-b"], byNode.Select(n => n.Node).Order());
    }

    private static async Task<long> SeedAsync(IDbContextFactory<AppDbContext> contexts, int sends)
    {
        await using var db = await contexts.CreateDbContextAsync(Cancel);
        await db.Database.MigrateAsync(Cancel);
        var campaign = new Campaign { Name = "Claims", SubjectTemplate = "s", BodyTemplate = "b", Status = CampaignStatus.Sending, Total = sends, CreatedBy = "test", CreatedAt = DateTimeOffset.UtcNow };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(Cancel);
        db.EmailSends.AddRange(Enumerable.Range(0, sends).Select(i => new EmailSend
        {
            CampaignId = campaign.Id,
            Email = $"claim-{i}@claims.example",
            Name = $"Claim {i}",
            NextAttemptAt = DateTimeOffset.UtcNow.AddMinutes(-1),
        }));
        await db.SaveChangesAsync(Cancel);
        return campaign.Id;
    }
}
