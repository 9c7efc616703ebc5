using System.Text;
using MimeKit;
using MimeKit.Utils;
using NonprofitPortal.Features.Drafts.Templates;

namespace NonprofitPortal.Features.Sending;

/// <summary>
/// The messages of one campaign. What every message shares (From, Cc, Reply-To,
/// List-Unsubscribe-Post, MIME-Version) is encoded once, by MimeKit on a first message made with
/// its usual API, and each message gets copies of those headers: a copy shares the encoded bytes.
/// Only what differs per recipient (Date, Subject, Message-Id, To, List-Unsubscribe, Return-Path,
/// the two parts) is encoded per message, by MimeKit as before.
/// </summary>
public sealed class CampaignComposer
{
    private readonly MailboxAddress _fromAddress;
    private readonly MailboxAddress[] _ccAddresses;
    private readonly Header _from;
    private readonly Header[] _afterTo;
    private readonly Header _listUnsubscribePost;
    private readonly Header _mimeVersion;

    // Replaced, never changed: the senders of a campaign share it without a lock.
    private volatile DatedHeader? _date;

    internal CampaignComposer(CampaignContent content, MailboxAddress from, FoundationValues foundation)
    {
        Content = content;
        Foundation = foundation;
        Sender = new SenderValues(content.SenderName, content.SenderEmail);

        _fromAddress = new MailboxAddress(from.Name, from.Address);
        _ccAddresses = [.. content.Cc.Select(MailboxAddress.Parse)];
        using var first = new MimeMessage();
        first.From.Add(new MailboxAddress(from.Name, from.Address));
        foreach (var cc in _ccAddresses)
        {
            first.Cc.Add(new MailboxAddress(cc.Name, cc.Address));
        }

        if (MailboxAddress.TryParse(content.SenderEmail, out var sender))
        {
            first.ReplyTo.Add(new MailboxAddress(content.SenderName, sender.Address));
        }

        // RFC 8058: mail clients may POST to the List-Unsubscribe link in one click.
        first.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        first.MimeVersion = new Version(1, 0);
        _from = Encoded(first.Headers, HeaderId.From)!;
        _afterTo = [.. new[] { Encoded(first.Headers, HeaderId.Cc), Encoded(first.Headers, HeaderId.ReplyTo) }.OfType<Header>()];
        _listUnsubscribePost = Encoded(first.Headers, HeaderId.ListUnsubscribePost)!;
        _mimeVersion = Encoded(first.Headers, HeaderId.MimeVersion)!;
    }

    public CampaignContent Content { get; }

    internal FoundationValues Foundation { get; }

    internal SenderValues Sender { get; }

    /// <summary>The message of one recipient, from its rendered parts.</summary>
    /// <param name="returnPath">The envelope sender (VERP), or null for the From address.</param>
    internal EnvelopedMessage Message(string messageId, DateTimeOffset date, RenderedEmail email, string name, string address, string unsubscribeUrl, string? returnPath)
    {
        var to = new MailboxAddress(name, address);
        var envelopeSender = returnPath is null ? _fromAddress : new MailboxAddress((string?)null, returnPath);
        // Copies, not the shared headers themselves: a header list subscribes to its headers'
        // Changed events, so one shared instance would keep every message ever sent alive. (The
        // envelope's addresses are in no list of the message: those may be shared.)
        var message = new EnvelopedMessage(envelopeSender, [to, .. _ccAddresses], new HeaderList { _from.Clone(), DateHeader(date).Clone() })
        {
            Subject = email.Subject,
            Body = EncodedAttachment.Around(new MultipartAlternative { BodyPart("plain", email.Text), BodyPart("html", email.Html) }, Content.Attachments),
        };
        // Not the MessageId property: it parses the id once more before MimeKit's encoder does.
        message.Headers.Add(HeaderId.MessageId, $"<{messageId}>");
        message.To.Add(to);
        foreach (var header in _afterTo)
        {
            message.Headers.Add(header.Clone());
        }

        // RFC 2369: mail clients offer "Unsubscribe".
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribeUrl}>");
        message.Headers.Add(_listUnsubscribePost.Clone());
        if (returnPath is not null)
        {
            message.Headers.Add(HeaderId.ReturnPath, $"<{returnPath}>");
        }

        message.Headers.Add(_mimeVersion.Clone());
        return message;
    }

    /// <summary>A Date header has whole seconds: the messages of one second share its encoding.</summary>
    private Header DateHeader(DateTimeOffset date)
    {
        var second = date.ToUnixTimeSeconds();
        if (_date is not { } last || last.Second != second || last.Offset != date.Offset)
        {
            last = new DatedHeader(second, date.Offset, new Header(HeaderId.Date, DateUtils.FormatDate(date)));
            _date = last;
        }

        return last.Header;
    }

    /// <summary>
    /// The charset and transfer encoding chosen here from one pass over the text (<see cref="SevenBitText"/>),
    /// so that neither MimeKit (trying charsets) nor MailKit (scanning each part before sending) has
    /// to. The encoding is given as an object: by its name MimeKit looks it up in a table behind one
    /// lock that every sender waits on.
    /// </summary>
    private static TextPart BodyPart(string subtype, string text)
    {
        var sevenBit = SevenBitText.Fits(text);
        var part = new CheckedTextPart(subtype) { ContentTransferEncoding = sevenBit ? ContentEncoding.SevenBit : ContentEncoding.QuotedPrintable };
        part.SetText(sevenBit || Ascii.IsValid(text) ? Encoding.ASCII : Encoding.UTF8, text);
        return part;
    }

    private static Header? Encoded(HeaderList headers, HeaderId id) => headers.IndexOf(id) is var index and >= 0 ? headers[index] : null;

    private sealed record DatedHeader(long Second, TimeSpan Offset, Header Header);

    /// <summary>A text part whose 7bit encoding was checked when it was made: preparing it for SMTP scans it no second time.</summary>
    private sealed class CheckedTextPart(string subtype) : TextPart(subtype)
    {
        public override void Prepare(EncodingConstraint constraint, int maxLineLength = 78)
        {
            if (ContentTransferEncoding != ContentEncoding.SevenBit || maxLineLength < SevenBitText.MaxLineLength)
            {
                base.Prepare(constraint, maxLineLength);
            }
        }
    }
}
