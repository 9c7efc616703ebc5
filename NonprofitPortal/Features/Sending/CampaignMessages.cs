using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;
using NonprofitPortal.Features.Bounces;
using NonprofitPortal.Features.Campaigns.Tokens;
using NonprofitPortal.Features.Campaigns.WebVersion;
using NonprofitPortal.Features.Drafts.Templates;
using NonprofitPortal.Features.Operations;
using NonprofitPortal.Features.Sending.Queue;

namespace NonprofitPortal.Features.Sending;

/// <summary>Renders one campaign message for one recipient and wraps it for the wire.</summary>
public sealed class CampaignMessages(
    TemplateRenderer renderer,
    SendTokens sendTokens,
    ReturnPaths returnPaths,
    PublicAddress publicAddress,
    IOptions<MailOptions> mailOptions,
    IOptions<AppOptions> appOptions,
    Dkim.MessageSigner signer,
    TimeProvider time)
{
    private readonly MailboxAddress _from = MailboxAddress.Parse(mailOptions.Value.From);

    /// <summary>
    /// Deterministic per send, so that a message sent again after a crash carries the same
    /// Message-ID and the receiving side (or support) can tell it is the same message.
    /// </summary>
    public string MessageIdFor(ClaimedSend send) => $"send-{send.Id}.campaign-{send.CampaignId}@{_from.Domain}";

    public string UnsubscribeUrl(long sendId) => publicAddress.Link($"unsubscribe/{sendTokens.Create(SendTokenPurpose.Unsubscribe, sendId)}");

    /// <returns>The message, or the template errors that kept it from rendering.</returns>
    public (MimeMessage? Message, IReadOnlyList<TemplateError> Errors) Compose(CampaignContent campaign, ClaimedSend send, CancellationToken cancellationToken)
    {
        var unsubscribe = UnsubscribeUrl(send.Id);
        var now = time.GetUtcNow();
        var model = new TemplateModel(
            new NonprofitValues(send.Name, send.Address, send.Email, send.Tags.Length == 0 ? [] : send.Tags.Split(';')),
            FoundationValues.From(appOptions.Value),
            new SenderValues(campaign.SenderName, campaign.SenderEmail),
            unsubscribe,
            DateOnly.FromDateTime(now.UtcDateTime)) { WebVersionUrl = publicAddress.Link(WebVersionLinks.PathFor(sendTokens, send.Id)) };
        var rendered = renderer.Render(campaign.SubjectTemplate, campaign.BodyTemplate, model, cancellationToken);
        if (rendered.Email is not { } email)
        {
            return (null, rendered.Errors);
        }

        var message = new MimeMessage
        {
            MessageId = MessageIdFor(send),
            Date = now,
            Subject = email.Subject,
            Body = new MultipartAlternative { BodyPart("plain", email.Text), BodyPart("html", email.Html) },
        };
        // A new address each time: an address list subscribes to its addresses' Changed event, so
        // one shared instance would keep every message ever sent alive.
        message.From.Add(new MailboxAddress(_from.Name, _from.Address));
        message.To.Add(new MailboxAddress(send.Name, send.Email));
        foreach (var cc in campaign.Cc)
        {
            message.Cc.Add(MailboxAddress.Parse(cc));
        }

        if (MailboxAddress.TryParse(campaign.SenderEmail, out var sender))
        {
            message.ReplyTo.Add(new MailboxAddress(campaign.SenderName, sender.Address));
        }

        // RFC 2369 and RFC 8058: mail clients offer "Unsubscribe", and may POST to it in one click.
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        // VERP: the SMTP connection sends it as the envelope sender (MAIL FROM), not as a header.
        if (returnPaths.For(send.Id) is { } returnPath)
        {
            message.Headers.Add(HeaderId.ReturnPath, $"<{returnPath}>");
        }

        signer.Sign(message);
        return (message, []);
    }

    /// <summary>
    /// The charset and transfer encoding chosen here from one pass over the text, so that neither
    /// MimeKit (trying charsets) nor MailKit (scanning the encoded part before sending) has to. The
    /// encoding is given as an object: by its name MimeKit looks it up in a table behind one lock
    /// that every sender waits on.
    /// </summary>
    private static TextPart BodyPart(string subtype, string text)
    {
        var ascii = Ascii.IsValid(text);
        var part = new TextPart(subtype)
        {
            ContentTransferEncoding = ascii && !HasLongLine(text) ? ContentEncoding.SevenBit : ContentEncoding.QuotedPrintable,
        };
        part.SetText(ascii ? Encoding.ASCII : Encoding.UTF8, text);
        return part;
    }

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
