using NonprofitPortal.Data;
using Quartz;

namespace NonprofitPortal.Features.Sending;

/// <summary>
/// The scheduler for the jobs that must run once across all nodes. On PostgreSQL and SQL Server
/// it is clustered over Quartz's tables in the application's database, and every node runs it
/// under this one name; on SQLite (one node) it keeps its jobs in memory. The drain is not here:
/// it runs on every node at once, in the default, in-memory scheduler. Features add their jobs
/// with <see cref="AddClusterJob{TJob}"/>.
/// </summary>
public static class ClusterScheduler
{
    /// <summary>The scheduler's name: the key it is registered under, and <c>SCHED_NAME</c> in the <c>qrtz_</c> tables.</summary>
    public const string Name = "NonprofitPortal";

    public const string JobGroup = "cluster";

    /// <summary>
    /// Runs <typeparamref name="TJob"/> every <paramref name="interval"/> on one node of the cluster,
    /// the first time one interval after the node starts (what must happen at once on start-up is
    /// done by the feature itself, as the drain recovers leases when it starts). A feature calls
    /// this from its own <c>AddX()</c>.
    /// </summary>
    public static IHostApplicationBuilder AddClusterJob<TJob>(this IHostApplicationBuilder builder, JobKey key, TimeSpan interval)
        where TJob : IJob
    {
        var quartz = Registered(builder);
        quartz.AddJob<TJob>(job => job.WithIdentity(key).StoreDurably());
        quartz.AddTrigger((services, trigger) => trigger
            .ForJob(key)
            .WithIdentity($"{key.Name}-interval", key.Group)
            .StartAt(services.GetRequiredService<TimeProvider>().GetUtcNow() + interval)
            .WithSimpleSchedule(schedule => schedule.WithInterval(interval).RepeatForever()));
        return builder;
    }

    /// <summary>The scheduler's builder, registering the scheduler the first time (Quartz allows one registration per name).</summary>
    private static IQuartzBuilder Registered(IHostApplicationBuilder builder)
    {
        if (builder.Services.FirstOrDefault(d => d.ServiceType == typeof(Registration))?.ImplementationInstance is Registration registration)
        {
            return registration.Quartz;
        }

        IQuartzBuilder? registered = null;
        builder.Services.AddQuartz(Name, quartz =>
        {
            UseClusterStore(quartz, builder.ConfiguredDatabaseProvider(), builder.Configuration.GetConnectionString("Default"));
            registered = quartz;
        });
        builder.Services.AddSingleton(new Registration(registered!));
        return registered!;
    }

    /// <summary>
    /// PostgreSQL and SQL Server: Quartz's clustered ADO store in the application's database. Quartz
    /// creates its <c>qrtz_</c> tables from its own script for the dialect when they are missing
    /// (every statement guarded, so nodes starting together converge), and never alters them.
    /// </summary>
    private static void UseClusterStore(IQuartzBuilder quartz, DatabaseProvider provider, string? connectionString)
    {
        if (provider == DatabaseProvider.Sqlite || string.IsNullOrWhiteSpace(connectionString))
        {
            // One node (or no database configured, which stops start-up with its own message).
            quartz.UseInMemoryStore();
            return;
        }

        quartz.UsePersistentStore(store =>
        {
            if (provider == DatabaseProvider.PostgreSQL)
            {
                store.UsePostgres(connectionString);
            }
            else
            {
                store.UseSqlServer(connectionString);
            }

            store.UseClustering();
            store.ProvisionSchema();
        });
    }

    private sealed record Registration(IQuartzBuilder Quartz);
}
