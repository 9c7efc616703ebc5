using System.Text;
using MimeKit;
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
    private readonly Header _from;
    private readonly Header[] _afterTo;
    private readonly Header _listUnsubscribePost;
    private readonly Header _mimeVersion;

    internal CampaignComposer(CampaignContent content, MailboxAddress from, FoundationValues foundation)
    {
        Content = content;
        Foundation = foundation;
        Sender = new SenderValues(content.SenderName, content.SenderEmail);

        using var first = new MimeMessage();
        first.From.Add(new MailboxAddress(from.Name, from.Address));
        foreach (var cc in content.Cc)
        {
            first.Cc.Add(MailboxAddress.Parse(cc));
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
    internal MimeMessage Message(string messageId, DateTimeOffset date, RenderedEmail email, string name, string address, string unsubscribeUrl, string? returnPath)
    {
        // Copies, not the shared headers themselves: a header list subscribes to its headers'
        // Changed events, so one shared instance would keep every message ever sent alive.
        var message = new MimeMessage(new HeaderList { _from.Clone() })
        {
            Date = date,
            Subject = email.Subject,
            MessageId = messageId,
            Body = EncodedAttachment.Around(new MultipartAlternative { BodyPart("plain", email.Text), BodyPart("html", email.Html) }, Content.Attachments),
        };
        message.To.Add(new MailboxAddress(name, address));
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

    /// <summary>
    /// The charset and transfer encoding chosen here from one pass over the text, so that neither
    /// MimeKit (trying charsets) nor MailKit (scanning the encoded part before sending) has to. The
    /// encoding is given as an object: by its name MimeKit looks it up in a table behind one lock
    /// that every sender waits on.
    /// </summary>
    private static TextPart BodyPart(string subtype, string text)
    {
        var ascii = System.Text.Ascii.IsValid(text);
        var part = new TextPart(subtype)
        {
            ContentTransferEncoding = ascii && !HasLongLine(text) ? ContentEncoding.SevenBit : ContentEncoding.QuotedPrintable,
        };
        part.SetText(ascii ? Encoding.ASCII : Encoding.UTF8, text);
        return part;
    }

    private static Header? Encoded(HeaderList headers, HeaderId id) => headers.IndexOf(id) is var index and >= 0 ? headers[index] : null;

    /// <summary>SMTP allows 998 characters a line; longer lines must be encoded.</summary>
    private static bool HasLongLine(ReadOnlySpan<char> text)
    {
        const int MaxLineLength = 998;
        while (text.Length > MaxLineLength)
        {
            var end = text.IndexOf('\n');
            if (end < 0 || end > MaxLineLength)
            {
                return true;
            }

            text = text[(end + 1)..];
        }

        return false;
    }
}
