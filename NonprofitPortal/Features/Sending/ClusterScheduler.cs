namespace NonprofitPortal.Features.Sending;

/// <summary>
/// The scheduler for the jobs that must run once across all nodes. On PostgreSQL and SQL Server
/// it is clustered over Quartz's tables in the application's database, and every node runs it
/// under this one name; on SQLite (one node) it keeps its jobs in memory. The drain is not here:
/// it runs on every node at once, in the default, in-memory scheduler.
/// </summary>
public static class ClusterScheduler
{
    /// <summary>The scheduler's name: the key it is registered under, and <c>SCHED_NAME</c> in the <c>qrtz_</c> tables.</summary>
    public const string Name = "NonprofitPortal";

    public const string JobGroup = "cluster";
}
