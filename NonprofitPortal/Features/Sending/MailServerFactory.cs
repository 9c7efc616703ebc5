using Microsoft.Extensions.Options;
using NonprofitPortal.Features.Sending.Transport;

namespace NonprofitPortal.Features.Sending;

/// <summary>Builds the servers from <c>Mail:*</c>: the pickup folder, one SMTP server from the single-server keys, or <c>Mail:Smtp:Servers</c>.</summary>
internal static class MailServerFactory
{
    public static MailServers Create(IServiceProvider services)
    {
        var mail = services.GetRequiredService<IOptions<MailOptions>>().Value;
        var sending = services.GetRequiredService<IOptions<SendingOptions>>().Value;
        var environment = services.GetRequiredService<IHostEnvironment>();
        var time = services.GetRequiredService<TimeProvider>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger<MailServers>();
        var metrics = services.GetRequiredService<SendingMetrics>();
        var timeout = TimeSpan.FromSeconds(sending.SmtpTimeoutSeconds);

        IReadOnlyList<MailServer> servers;
        if (mail.Transport == MailTransportKind.Pickup)
        {
            var directory = Path.GetFullPath(mail.PickupDirectory, environment.ContentRootPath);
            servers = [new MailServer("pickup", directory, 1, sending.Connections, 0, sending.Break, () => new PickupConnection(directory), time, logger, metrics)];
        }
        else
        {
            if (mail.Smtp.Servers.Count > 0 && !string.IsNullOrWhiteSpace(mail.Smtp.Host))
            {
                logger.LogWarning("Mail:Smtp:Host is ignored because Mail:Smtp:Servers lists the servers to use");
            }

            servers = mail.Smtp.EffectiveServers(sending.Connections)
                .Select(server => new MailServer(
                    server.Name, $"{server.Host}:{server.Port}", server.Priority, server.Connections, server.MessagesPerSecond, sending.Break,
                    () => new SmtpConnection(server, timeout), time, logger, metrics))
                .ToList();
        }

        return new MailServers(servers, sending.MessagesPerSecond, time);
    }
}
