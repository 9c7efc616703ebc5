using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NonprofitPortal.Features.Sending;

/// <summary>
/// Unhealthy while the drain cannot write to the database (sending is paused meanwhile), even when
/// the database still answers reads, as SQLite does while another connection holds its write lock.
/// </summary>
internal sealed class DatabaseOutageHealthCheck(DatabaseOutage outage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(outage.Since is { } since
            ? HealthCheckResult.Unhealthy($"Sending is paused: the database has not taken writes since {since:u} ({outage.LastError}).")
            : HealthCheckResult.Healthy("The drain writes to the database."));
}
