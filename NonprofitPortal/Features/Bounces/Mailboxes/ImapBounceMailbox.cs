using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MimeKit;

namespace NonprofitPortal.Features.Bounces.Mailboxes;

/// <summary>
/// An IMAP folder read with MailKit. Messages are addressed by UID, so that moving one does not
/// renumber the rest; processed ones are moved (MOVE, or COPY and delete) or flagged deleted,
/// and expunged when the poll ends.
/// </summary>
internal sealed class ImapBounceMailbox : IBounceMailboxSession
{
    private readonly ImapClient _client;
    private readonly IMailFolder _folder;
    private readonly IMailFolder? _processed;
    private readonly IList<UniqueId> _uids;
    private readonly List<UniqueId> _deleted = [];

    private ImapBounceMailbox(ImapClient client, IMailFolder folder, IMailFolder? processed, IList<UniqueId> uids)
    {
        (_client, _folder, _processed, _uids) = (client, folder, processed, uids);
    }

    public static async Task<IBounceMailboxSession> OpenAsync(BounceMailboxOptions mailbox, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var client = new ImapClient { Timeout = (int)timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(mailbox.Host, mailbox.EffectivePort, MailboxSecurity.For(mailbox), cancellationToken);
            await client.AuthenticateAsync(mailbox.User, mailbox.Password ?? "", cancellationToken);
            var processed = string.IsNullOrEmpty(mailbox.ProcessedFolder) ? null : await FolderAsync(client, mailbox.ProcessedFolder, create: true, cancellationToken);
            var folder = await FolderAsync(client, mailbox.Folder, create: false, cancellationToken);
            await folder!.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
            var uids = await folder.SearchAsync(SearchQuery.NotDeleted, cancellationToken);
            return new ImapBounceMailbox(client, folder, processed, uids);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public Task<int> CountAsync(CancellationToken cancellationToken) => Task.FromResult(_uids.Count);

    public Task<MimeMessage> ReadAsync(int index, CancellationToken cancellationToken) => _folder.GetMessageAsync(_uids[index], cancellationToken);

    public async Task SetAsideAsync(int index, CancellationToken cancellationToken)
    {
        if (_processed is not null)
        {
            await _folder.MoveToAsync(_uids[index], _processed, cancellationToken);
            return;
        }

        await _folder.StoreAsync(_uids[index], new StoreFlagsRequest(StoreAction.Add, MessageFlags.Deleted) { Silent = true }, cancellationToken);
        _deleted.Add(_uids[index]);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_deleted.Count > 0)
        {
            // Only our own: with UIDPLUS, messages that someone else flagged deleted stay as they are.
            if (_client.Capabilities.HasFlag(ImapCapabilities.UidPlus))
            {
                await _folder.ExpungeAsync(_deleted, cancellationToken);
            }
            else
            {
                await _folder.ExpungeAsync(cancellationToken);
            }
        }

        await _folder.CloseAsync(expunge: false, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try
            {
                await _client.DisconnectAsync(quit: true, CancellationToken.None);
            }
            catch (Exception exception) when (exception is IOException or ImapProtocolException or ImapCommandException)
            {
                // Closing anyway.
            }
        }

        _client.Dispose();
    }

    private static async Task<IMailFolder?> FolderAsync(ImapClient client, string name, bool create, CancellationToken cancellationToken)
    {
        if (string.Equals(name, "INBOX", StringComparison.OrdinalIgnoreCase))
        {
            return client.Inbox;
        }

        try
        {
            return await client.GetFolderAsync(name, cancellationToken);
        }
        catch (FolderNotFoundException) when (create)
        {
            var root = await client.GetFolderAsync(client.PersonalNamespaces[0].Path, cancellationToken);
            return await root.CreateAsync(name, isMessageFolder: true, cancellationToken);
        }
    }
}
