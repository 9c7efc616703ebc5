using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace NonprofitPortal.Features.Sending.Transport;

/// <summary>
/// One SMTP connection, opened on first use and kept open between messages (MailKit pipelines
/// MAIL, RCPT and DATA when the server offers PIPELINING). Replies are sorted by
/// <see cref="SendingRules.Classify"/> into what they mean for the message (<see cref="Delivery"/>)
/// and what they mean for the server (<see cref="ServerUnavailableException"/>).
/// </summary>
internal sealed class SmtpConnection(SmtpServerOptions server, TimeSpan timeout) : IMailConnection
{
    /// <summary>Return-Path is the receiving server's to write (RFC 5321): a campaign message's is its envelope sender instead.</summary>
    private static readonly FormatOptions WithoutReturnPath = CreateWithoutReturnPath();

    private readonly CampaignSmtpClient _client = new() { Timeout = (int)timeout.TotalMilliseconds };

    public async Task<Delivery> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await EnsureConnectedAsync(cancellationToken);
            var reply = message is EnvelopedMessage enveloped
                ? await _client.SendAsync(WithoutReturnPath, message, enveloped.EnvelopeSender, enveloped.EnvelopeRecipients, cancellationToken)
                : await _client.SendAsync(message, cancellationToken);
            return new Delivery.Accepted(reply);
        }
        catch (SmtpCommandException exception)
        {
            switch (SendingRules.Classify((int)exception.StatusCode))
            {
                case SmtpReplyMeaning.ServerBusy:
                    await DropAsync();
                    throw new ServerUnavailableException($"{server.Name}: {Reply(exception)}", exception, askedToSlowDown: true);
                case SmtpReplyMeaning.SlowDown:
                    return new Delivery.Deferred(Reply(exception), SlowDown: true);
                case SmtpReplyMeaning.TryLater:
                    return new Delivery.Deferred(Reply(exception), SlowDown: false);
                default:
                    return new Delivery.Rejected(Reply(exception));
            }
        }
        catch (Exception exception) when (exception is SmtpProtocolException or IOException or SocketException or TimeoutException
            or AuthenticationException or SslHandshakeException or ServiceNotConnectedException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            await DropAsync();
            throw new ServerUnavailableException($"{server.Name}: {exception.Message}", exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try
            {
                await _client.DisconnectAsync(quit: true, CancellationToken.None);
            }
            catch (Exception exception) when (exception is IOException or SocketException or SmtpProtocolException or TimeoutException)
            {
                // Closing anyway: a QUIT the server no longer hears changes nothing.
            }
        }

        _client.Dispose();
    }

    private static FormatOptions CreateWithoutReturnPath()
    {
        var options = FormatOptions.Default.Clone();
        options.HiddenHeaders.Add(HeaderId.ReturnPath);
        return options;
    }

    private static string Reply(SmtpCommandException exception) => $"{(int)exception.StatusCode} {exception.Message}";

    private async Task EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client.IsConnected)
        {
            return;
        }

        var security = server.UseTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None;
        await _client.ConnectAsync(server.Host, server.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(server.User))
        {
            await _client.AuthenticateAsync(server.User, server.Password ?? "", cancellationToken);
        }
    }

    private async Task DropAsync()
    {
        try
        {
            await _client.DisconnectAsync(quit: false, CancellationToken.None);
        }
        catch (Exception exception) when (exception is IOException or SocketException or SmtpProtocolException)
        {
            // Already gone.
        }
    }

    /// <summary>
    /// A campaign message is to one nonprofit with staff copied: a CC address the server refuses
    /// must not stop the nonprofit's copy, so only a refused To recipient fails the message.
    /// </summary>
    private sealed class CampaignSmtpClient : SmtpClient
    {
        /// <summary>
        /// Not measured: MailKit would write every message twice, once to count its bytes for the
        /// optional SIZE parameter (RFC 1870). A campaign message is a few kilobytes; a server that
        /// finds one too big still refuses it after DATA, and the reply is recorded like any other.
        /// </summary>
        protected override Task<long> GetSizeAsync(FormatOptions options, MimeMessage message, CancellationToken cancellationToken = default) =>
            Task.FromResult(-1L);

        protected override void OnRecipientNotAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
        {
            if (message.To.Mailboxes.Any(to => string.Equals(to.Address, mailbox.Address, StringComparison.OrdinalIgnoreCase)))
            {
                base.OnRecipientNotAccepted(message, mailbox, response);
            }
        }
    }
}
