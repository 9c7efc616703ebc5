using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace NonprofitPortal.Data;

/// <summary>
/// Brings the schema up to date before the other hosted services (seeding, jobs) start:
/// hosted services start in registration order, and the data layer registers first.
/// </summary>
internal sealed class DatabaseInitializer(
    IDbContextFactory<AppDbContext> contextFactory,
    IOptions<DatabaseOptions> options,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);

        if (options.Value.MigrateOnStartup)
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
                await db.Database.MigrateAsync(cancellationToken);
            }
        }

        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while the sender writes; the mode is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
