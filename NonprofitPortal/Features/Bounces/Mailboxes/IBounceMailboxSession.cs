using MimeKit;

namespace NonprofitPortal.Features.Bounces.Mailboxes;

/// <summary>One open connection to a bounce mailbox (IMAP or POP3), for one poll.</summary>
internal interface IBounceMailboxSession : IAsyncDisposable
{
    /// <summary>The messages waiting, by the index the other calls take.</summary>
    Task<int> CountAsync(CancellationToken cancellationToken);

    Task<MimeMessage> ReadAsync(int index, CancellationToken cancellationToken);

    /// <summary>Moves the message to the processed folder, or deletes it.</summary>
    Task SetAsideAsync(int index, CancellationToken cancellationToken);

    /// <summary>Makes the moves and deletions final (IMAP expunge, POP3 QUIT), so a restart does not read them again.</summary>
    Task CommitAsync(CancellationToken cancellationToken);
}
