using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Campaigns.Tokens;
using NonprofitPortal.Tests.Infrastructure;

namespace NonprofitPortal.Tests.Integration.Campaigns;

/// <summary>The send-token key in the database: one for every node, made once, kept across restarts.</summary>
public sealed class SendTokenHostsTests(PostgresServer postgres)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_nodes_on_one_database_make_one_key_between_them_and_accept_each_others_tokens()
    {
        RealServer.Require(postgres.IsAvailable, $"PostgreSQL is needed: {postgres.UnavailableReason}");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSQL",
            ["ConnectionStrings:Default"] = await postgres.CreateDatabaseAsync("tokens", Cancel),
        };
        await using var nodeA = Started(new PortalHost(settings));
        await using var nodeB = Started(new PortalHost(settings));
        var tokensA = nodeA.Services.GetRequiredService<SendTokens>();
        var tokensB = nodeB.Services.GetRequiredService<SendTokens>();

        // Both nodes need the key at the same moment: neither has made it yet.
        var made = await Task.WhenAll(
            Task.Run(() => tokensA.Create(SendTokenPurpose.ReturnPath, 1001), Cancel),
            Task.Run(() => tokensB.Create(SendTokenPurpose.ReturnPath, 2002), Cancel));

        Assert.True(tokensB.TryRead(SendTokenPurpose.ReturnPath, made[0], out var readByB));
        Assert.True(tokensA.TryRead(SendTokenPurpose.ReturnPath, made[1], out var readByA));
        Assert.Equal((1001L, 2002L), (readByB, readByA));
        Assert.Equal(1, await KeysAsync(nodeA));
    }

    [Fact]
    public async Task The_key_survives_a_restart_so_links_in_mail_sent_before_it_still_work()
    {
        var directory = RealServer.CreateTraversableTempDirectory("nonprofitportal-tokens-");
        try
        {
            var settings = new Dictionary<string, string?> { ["ConnectionStrings:Default"] = $"Data Source={Path.Combine(directory.FullName, "portal.db")}" };
            string token;
            await using (var before = Started(new PortalHost(settings)))
            {
                token = before.Services.GetRequiredService<SendTokens>().Create(SendTokenPurpose.Unsubscribe, 4321);
            }

            await using var after = Started(new PortalHost(settings));

            Assert.True(after.Services.GetRequiredService<SendTokens>().TryRead(SendTokenPurpose.Unsubscribe, token, out var sendId));
            Assert.Equal(4321, sendId);
            Assert.Equal(1, await KeysAsync(after));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    private static PortalHost Started(PortalHost host)
    {
        host.StartServer();
        return host;
    }

    private static async Task<int> KeysAsync(PortalHost host)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Cancel);
        return await db.SigningKeys.CountAsync(k => k.Name == SendTokens.KeyName, Cancel);
    }
}
