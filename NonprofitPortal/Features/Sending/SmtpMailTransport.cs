using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace NonprofitPortal.Features.Sending;

/// <summary>Sends through the first configured SMTP server over one connection kept open between messages.</summary>
internal sealed class SmtpMailTransport(IOptions<MailOptions> options, ILogger<SmtpMailTransport> logger) : IMailTransport, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SmtpClient _client = new();

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await EnsureConnectedAsync(cancellationToken);
            await _client.SendAsync(message, cancellationToken);
        }
        catch (Exception exception) when (exception is SmtpProtocolException or IOException)
        {
            logger.LogWarning(exception, "SMTP connection failed; it will be reopened for the next message");
            await _client.DisconnectAsync(quit: false, CancellationToken.None);
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(quit: true, CancellationToken.None);
        }

        _client.Dispose();
        _gate.Dispose();
    }

    private async Task EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client.IsConnected)
        {
            return;
        }

        var smtp = options.Value.Smtp;
        var server = smtp.Servers.FirstOrDefault() ?? new SmtpServerOptions
        {
            Name = "default",
            Host = smtp.Host ?? "",
            Port = smtp.Port,
            UseTls = smtp.UseTls,
            User = smtp.User,
            Password = smtp.Password,
        };
        await _client.ConnectAsync(server.Host, server.Port, server.UseTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
        if (!string.IsNullOrEmpty(server.User))
        {
            await _client.AuthenticateAsync(server.User, server.Password ?? "", cancellationToken);
        }
    }
}
