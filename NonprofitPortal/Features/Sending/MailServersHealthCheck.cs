using Microsoft.Extensions.Diagnostics.HealthChecks;
using NonprofitPortal.Features.Sending.Transport;

namespace NonprofitPortal.Features.Sending;

/// <summary>Degraded (mail still flows) while some servers are set aside; unhealthy when all are.</summary>
internal sealed class MailServersHealthCheck(MailServers servers) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var statuses = servers.Statuses();
        var setAside = statuses.Where(s => s.State == MailServerState.SetAside).Select(s => s.Name).ToList();
        return Task.FromResult(setAside.Count switch
        {
            0 => HealthCheckResult.Healthy($"{statuses.Count} mail server(s) up"),
            _ when setAside.Count == statuses.Count => HealthCheckResult.Unhealthy($"Every mail server is set aside: {string.Join(", ", setAside)}"),
            _ => HealthCheckResult.Degraded($"Set aside: {string.Join(", ", setAside)}; the others carry the mail"),
        });
    }
}
