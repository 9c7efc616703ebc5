using MailKit.Net.Pop3;
using MimeKit;

namespace NonprofitPortal.Features.Bounces.Mailboxes;

/// <summary>A POP3 mailbox read with MailKit: processed messages are deleted, which the server makes final at QUIT.</summary>
internal sealed class Pop3BounceMailbox(Pop3Client client, int count) : IBounceMailboxSession
{
    public static async Task<IBounceMailboxSession> OpenAsync(BounceMailboxOptions mailbox, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var client = new Pop3Client { Timeout = (int)timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(mailbox.Host, mailbox.EffectivePort, MailboxSecurity.For(mailbox), cancellationToken);
            await client.AuthenticateAsync(mailbox.User, mailbox.Password ?? "", cancellationToken);
            return new Pop3BounceMailbox(client, await client.GetMessageCountAsync(cancellationToken));
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public Task<int> CountAsync(CancellationToken cancellationToken) => Task.FromResult(count);

    public Task<MimeMessage> ReadAsync(int index, CancellationToken cancellationToken) => client.GetMessageAsync(index, cancellationToken);

    public Task SetAsideAsync(int index, CancellationToken cancellationToken) => client.DeleteMessageAsync(index, cancellationToken);

    public Task CommitAsync(CancellationToken cancellationToken) => client.DisconnectAsync(quit: true, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (client.IsConnected)
        {
            // Not committed (the poll failed): without QUIT the server keeps every message.
            await client.DisconnectAsync(quit: false, CancellationToken.None);
        }

        client.Dispose();
    }
}
