using MimeKit;

namespace NonprofitPortal.Features.Sending;

/// <summary>
/// A message that carries its SMTP envelope (MAIL FROM, RCPT TO). MimeKit parses address headers
/// only when they are read, and MailKit reads them to find the envelope unless it is given one: a
/// campaign's composer already has those addresses as objects, so nothing is parsed again per
/// message.
/// </summary>
public sealed class EnvelopedMessage(MailboxAddress envelopeSender, IReadOnlyList<MailboxAddress> envelopeRecipients, IEnumerable<Header> headers)
    : MimeMessage(headers)
{
    /// <summary>The per-send return path (VERP), or the From address.</summary>
    public MailboxAddress EnvelopeSender { get; } = envelopeSender;

    /// <summary>The To address, then every Cc address.</summary>
    public IReadOnlyList<MailboxAddress> EnvelopeRecipients { get; } = envelopeRecipients;
}
