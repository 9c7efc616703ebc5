using System.Net.Sockets;
using System.Text;
using MailKit;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Bounces.Parsing;

namespace NonprofitPortal.Features.Bounces.Mailboxes;

/// <summary>
/// Reads every configured bounce mailbox once: each message that is a bounce or a complaint is
/// recorded, then moved to the processed folder or deleted; one that cannot be read as either is
/// left where it is, counted and listed for admins. What the poll found is kept per mailbox.
/// </summary>
public sealed partial class BounceMailboxPoller(
    IDbContextFactory<AppDbContext> contextFactory,
    FeedbackRecorder recorder,
    IOptions<BounceOptions> options,
    TimeProvider time,
    ILogger<BounceMailboxPoller> logger)
{
    private const int UnparsedListed = 20;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public async Task PollAllAsync(CancellationToken cancellationToken)
    {
        foreach (var mailbox in options.Value.Mailboxes)
        {
            await PollAsync(mailbox, cancellationToken);
        }
    }

    /// <summary>Reads one mailbox; a server that cannot be reached is recorded as the poll's error, not thrown.</summary>
    public async Task<MailboxPoll> PollAsync(BounceMailboxOptions mailbox, CancellationToken cancellationToken)
    {
        var processed = 0;
        var unparsed = new List<string>();
        string? error = null;
        try
        {
            await using var session = mailbox.Protocol == MailboxProtocol.Pop3
                ? await Pop3BounceMailbox.OpenAsync(mailbox, Timeout, cancellationToken)
                : await ImapBounceMailbox.OpenAsync(mailbox, Timeout, cancellationToken);
            var count = await session.CountAsync(cancellationToken);
            for (var index = 0; index < count; index++)
            {
                var (message, reports) = await ReadAsync(session, index, cancellationToken);
                if (reports is null)
                {
                    unparsed.Add(message is null ? $"(message {index + 1}: not a readable message)" : Summary(message));
                    continue;
                }

                foreach (var report in reports)
                {
                    await recorder.RecordAsync(report, mailbox.Name, byRecipient: false, cancellationToken);
                }

                await session.SetAsideAsync(index, cancellationToken);
                processed++;
            }

            await session.CommitAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or SocketException or TimeoutException or AuthenticationException
            or SslHandshakeException or ProtocolException or CommandException or FolderNotFoundException or ServiceNotConnectedException)
        {
            error = $"{exception.GetType().Name}: {exception.Message}";
            LogPollFailed(exception, mailbox.Name, mailbox.Host);
        }

        var poll = new MailboxPoll(mailbox.Name, processed, unparsed.Count, error);
        await SaveAsync(poll, unparsed, cancellationToken);
        return poll;
    }

    private static async Task<(MimeMessage? Message, IReadOnlyList<FeedbackReport>? Reports)> ReadAsync(IBounceMailboxSession session, int index, CancellationToken cancellationToken)
    {
        try
        {
            var message = await session.ReadAsync(index, cancellationToken);
            return (message, BounceMessageParser.Parse(message));
        }
        catch (FormatException)
        {
            return (null, null);
        }
    }

    /// <summary>Every configured mailbox with what its last poll found (never polled yet: no state).</summary>
    public async Task<IReadOnlyList<(BounceMailboxOptions Mailbox, BounceMailboxState? State)>> StatesAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var states = await db.BounceMailboxes.AsNoTracking().ToDictionaryAsync(s => s.Name, cancellationToken);
        return options.Value.Mailboxes.Select(m => (m, states.GetValueOrDefault(m.Name))).ToList();
    }

    private async Task SaveAsync(MailboxPoll poll, List<string> unparsed, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var state = await db.BounceMailboxes.SingleOrDefaultAsync(s => s.Name == poll.Mailbox, cancellationToken);
        if (state is null)
        {
            state = new BounceMailboxState { Name = poll.Mailbox };
            db.BounceMailboxes.Add(state);
        }

        state.LastPolledAt = time.GetUtcNow();
        state.Processed += poll.Processed;
        state.LastError = poll.Error is null ? null : Truncate(poll.Error, BounceMailboxState.MaxErrorLength);
        // A failed poll saw nothing: what was left before is still there.
        if (poll.Error is null)
        {
            state.Unparsed = poll.Unparsed;
            state.UnparsedSummary = Truncate(string.Join('\n', unparsed.Take(UnparsedListed)), BounceMailboxState.MaxUnparsedLength);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (poll.Processed > 0 || poll.Unparsed > 0)
        {
            LogPolled(poll.Mailbox, poll.Processed, poll.Unparsed);
        }
    }

    private static string Summary(MimeMessage message)
    {
        var line = new StringBuilder();
        line.Append(message.Date == DateTimeOffset.MinValue ? "(no date)" : message.Date.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'"));
        line.Append(" | ").Append(message.From.Mailboxes.FirstOrDefault()?.Address ?? "(no sender)");
        line.Append(" | ").Append(string.IsNullOrWhiteSpace(message.Subject) ? "(no subject)" : message.Subject.ReplaceLineEndings(" "));
        return line.ToString();
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bounce mailbox {Mailbox} on {Host} could not be read")]
    private partial void LogPollFailed(Exception exception, string mailbox, string host);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bounce mailbox {Mailbox}: {Processed} messages processed, {Unparsed} left unread as bounces")]
    private partial void LogPolled(string mailbox, int processed, int unparsed);
}

/// <summary>What one poll of one mailbox did.</summary>
public sealed record MailboxPoll(string Mailbox, int Processed, int Unparsed, string? Error);
