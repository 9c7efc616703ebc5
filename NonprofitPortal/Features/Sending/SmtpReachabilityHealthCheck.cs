using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace NonprofitPortal.Features.Sending;

/// <summary>
/// Whether the SMTP servers answer at all: connect, EHLO (and STARTTLS when configured), NOOP,
/// QUIT; no credentials are sent. <see cref="MailServersHealthCheck"/> only knows what sending
/// has met, so an idle node pointed at a dead relay would look healthy without this. Answers are
/// kept for <see cref="CacheFor"/>, so that frequent probes do not become a stream of connections.
/// </summary>
internal sealed class SmtpReachabilityHealthCheck(
    IOptions<MailOptions> mail, IOptions<SendingOptions> sending, TimeProvider time, ILogger<SmtpReachabilityHealthCheck> logger) : IHealthCheck
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _probing = new(1, 1);
    private (HealthCheckResult Result, DateTimeOffset At)? _last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (Fresh() is { } cached)
        {
            return cached;
        }

        await _probing.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } probedMeanwhile)
            {
                return probedMeanwhile;
            }

            var servers = mail.Value.Smtp.EffectiveServers(sending.Value.Connections);
            var failures = new List<string>();
            foreach (var server in servers)
            {
                if (await ProbeAsync(server, cancellationToken) is { } failure)
                {
                    failures.Add($"{server.Name}: {failure}");
                }
            }

            var result = failures.Count switch
            {
                0 => HealthCheckResult.Healthy($"{servers.Count} SMTP server(s) answer"),
                _ when failures.Count == servers.Count => HealthCheckResult.Unhealthy($"No SMTP server answers: {string.Join("; ", failures)}"),
                _ => HealthCheckResult.Degraded($"Not answering: {string.Join("; ", failures)}"),
            };
            _last = (result, time.GetUtcNow());
            return result;
        }
        finally
        {
            _probing.Release();
        }
    }

    private HealthCheckResult? Fresh() => _last is { } last && time.GetUtcNow() - last.At < CacheFor ? last.Result : null;

    /// <returns>Null when the server answered; otherwise what went wrong.</returns>
    private async Task<string?> ProbeAsync(SmtpServerOptions server, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        try
        {
            var security = server.UseTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None;
            await client.ConnectAsync(server.Host, server.Port, security, timeout.Token);
            await client.NoOpAsync(timeout.Token);
            await client.DisconnectAsync(quit: true, timeout.Token);
            return null;
        }
        catch (Exception exception) when (exception is IOException or SocketException or SmtpCommandException or SmtpProtocolException
            or SslHandshakeException or ServiceNotConnectedException or TimeoutException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning("SMTP server {Server} did not answer the health probe: {Error}", server.Name, exception.Message);
            return exception is OperationCanceledException ? $"no answer within {Timeout.TotalSeconds:0} s" : exception.Message;
        }
    }
}
