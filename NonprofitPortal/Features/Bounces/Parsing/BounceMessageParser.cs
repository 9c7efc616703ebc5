using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace NonprofitPortal.Features.Bounces.Parsing;

/// <summary>
/// Reads a message from a bounce mailbox with MimeKit: a delivery status notification
/// (<c>multipart/report; report-type=delivery-status</c>, RFC 3464), a feedback-loop complaint
/// (<c>report-type=feedback-report</c>, ARF, RFC 5965), or a bounce that follows neither but
/// quotes the original and gives a 5.x.x / 4.x.x status in its text.
/// </summary>
public static partial class BounceMessageParser
{
    /// <summary>Headers that carry the address a bounce was delivered to: the VERP address, when there is one.</summary>
    /// <summary>The local part's start of our per-message return paths (<c>bounces+token@domain</c>).</summary>
    public const string VerpPrefix = "bounces+";

    private static readonly string[] DeliveredToHeaders = ["To", "X-Original-To", "Delivered-To", "Envelope-To", "X-Envelope-To", "X-Original-Recipient"];

    /// <summary>
    /// The reports the message holds (none for a notice that nothing failed, such as a delay or a
    /// "delivered"); null when it is not a bounce or a complaint at all.
    /// </summary>
    public static IReadOnlyList<FeedbackReport>? Parse(MimeMessage message)
    {
        var reportId = ReportId(message);
        var deliveredTo = DeliveredToHeaders
            .SelectMany(name => message.Headers.Where(h => h.Field.Equals(name, StringComparison.OrdinalIgnoreCase)))
            .SelectMany(h => Addresses(h.Value))
            .ToList();
        var original = OriginalHeaders(message);

        foreach (var report in message.BodyParts.OfType<MessageDeliveryStatus>())
        {
            return FromDeliveryStatus(report, original, deliveredTo, reportId);
        }

        foreach (var report in message.BodyParts.OfType<MessageFeedbackReport>())
        {
            return FromFeedbackReport(report, original, deliveredTo, reportId);
        }

        return FromText(message, original, deliveredTo, reportId);
    }

    private static IReadOnlyList<FeedbackReport>? FromDeliveryStatus(
        MessageDeliveryStatus report, HeaderList? original, List<string> deliveredTo, string reportId)
    {
        var groups = report.StatusGroups;
        if (groups.Count < 2)
        {
            return null;
        }

        var returnPaths = deliveredTo.Concat(Addresses(original?["Return-Path"])).ToList();
        var reports = new List<FeedbackReport>();
        foreach (var recipient in groups.Skip(1))
        {
            var action = recipient["Action"]?.Trim().ToLowerInvariant();
            var status = recipient["Status"]?.Trim();
            var diagnostic = recipient["Diagnostic-Code"]?.Trim();
            // Delayed, delivered, relayed, expanded: the message may yet arrive, or did.
            if (action != "failed")
            {
                continue;
            }

            var bounceClass = BounceClassifier.FromStatus(status) ?? BounceClassifier.FromText(diagnostic)?.Class ?? BounceClass.Hard;
            var address = TypedAddress(recipient["Original-Recipient"]) ?? TypedAddress(recipient["Final-Recipient"]);
            reports.Add(new FeedbackReport(
                FeedbackKind.Bounce,
                bounceClass,
                address,
                Detail(status, StripType(diagnostic)),
                MessageIdOf(original),
                returnPaths,
                ExternalId(reportId, address)));
        }

        return reports;
    }

    private static IReadOnlyList<FeedbackReport>? FromFeedbackReport(
        MessageFeedbackReport report, HeaderList? original, List<string> deliveredTo, string reportId)
    {
        var type = report.Fields["Feedback-Type"]?.Trim().ToLowerInvariant();
        if (type is null)
        {
            return null;
        }

        // "not-spam" is a recipient saying the message was wanted after all.
        if (type == "not-spam")
        {
            return [];
        }

        var recipient = TypedAddress(report.Fields["Original-Rcpt-To"]) ?? Addresses(original?["To"]).FirstOrDefault();
        var returnPaths = deliveredTo
            .Concat(Addresses(report.Fields["Original-Mail-From"]))
            .Concat(Addresses(original?["Return-Path"]))
            .ToList();
        var agent = report.Fields["User-Agent"]?.Trim();
        return
        [
            new FeedbackReport(
                FeedbackKind.Complaint,
                null,
                recipient,
                $"Reported as {type}{(agent is { Length: > 0 } ? $" ({agent})" : "")}",
                MessageIdOf(original),
                returnPaths,
                ExternalId(reportId, recipient)),
        ];
    }

    /// <summary>A bounce in words: a status in the text, and the original quoted (attached, or its headers in the text).</summary>
    private static IReadOnlyList<FeedbackReport>? FromText(MimeMessage message, HeaderList? original, List<string> deliveredTo, string reportId)
    {
        var text = message.TextBody ?? message.HtmlBody ?? "";
        var messageId = MessageIdOf(original) ?? (QuotedHeader(text, "Message-ID") is { } quoted ? Unbracket(quoted) : null);
        var sentToReturnPath = deliveredTo.Any(address => address.StartsWith(VerpPrefix, StringComparison.Ordinal));
        if ((messageId is null && !sentToReturnPath) || BounceClassifier.FromText(FailureText(text)) is not { } classified)
        {
            return null;
        }

        var recipient = Addresses(original?["To"]).FirstOrDefault() ?? Addresses(QuotedHeader(text, "To")).FirstOrDefault();
        var returnPaths = deliveredTo.Concat(Addresses(original?["Return-Path"] ?? QuotedHeader(text, "Return-Path"))).ToList();
        return
        [
            new FeedbackReport(
                FeedbackKind.Bounce,
                classified.Class,
                recipient,
                Detail(classified.Status, FailureLine(text, classified.Status)),
                messageId,
                returnPaths,
                ExternalId(reportId, recipient)),
        ];
    }

    /// <summary>The text before the quoted original: a status in the original's own body must not count.</summary>
    private static string FailureText(string text)
    {
        var quoted = QuotedHeaderLine().Match(text);
        return quoted.Success ? text[..quoted.Index] : text;
    }

    private static string? FailureLine(string text, string? status)
    {
        var lines = FailureText(text).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return (status is null ? null : lines.FirstOrDefault(line => line.Contains(status, StringComparison.Ordinal))) ?? lines.FirstOrDefault();
    }

    /// <summary>The original's headers: an attached message/rfc822 (or message/global), or a text/rfc822-headers part.</summary>
    private static HeaderList? OriginalHeaders(MimeMessage message)
    {
        foreach (var part in message.BodyParts)
        {
            switch (part)
            {
                case MessagePart { Message: { } attached }:
                    return attached.Headers;
                case TextPart text when text.ContentType.IsMimeType("text", "rfc822-headers") || text.ContentType.IsMimeType("message", "global-headers"):
                    using (var headers = new MemoryStream(Encoding.UTF8.GetBytes(text.Text.TrimStart() + "\n\n")))
                    {
                        return HeaderList.Load(headers);
                    }

                case MimePart mime when mime.ContentType.IsMimeType("text", "rfc822-headers") && mime.Content is { } content:
                    using (var stream = new MemoryStream())
                    {
                        content.DecodeTo(stream);
                        stream.Position = 0;
                        return HeaderList.Load(stream);
                    }
            }
        }

        return null;
    }

    private static string? MessageIdOf(HeaderList? headers) => headers?["Message-ID"] is { } id ? Unbracket(id) : null;

    /// <summary>The bounce's own Message-ID, or a hash of it when it has none: the same bounce always gets the same id.</summary>
    private static string ReportId(MimeMessage message)
    {
        if (!string.IsNullOrWhiteSpace(message.MessageId))
        {
            return message.MessageId.Length <= 200 ? message.MessageId : Hash(message.MessageId);
        }

        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(stream.ToArray()));
    }

    private static string ExternalId(string reportId, string? recipient)
    {
        var id = $"{reportId}#{recipient}";
        return id.Length <= DeliveryEvent.MaxExternalIdLength ? id : Hash(id);
    }

    private static string Hash(string text) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The address of an RFC 3464 / 5965 typed field (<c>rfc822; user@example.org</c>), lower-cased.</summary>
    private static string? TypedAddress(string? field) => Addresses(StripType(field)).FirstOrDefault();

    private static string? StripType(string? field)
    {
        if (field is null)
        {
            return null;
        }

        var separator = field.IndexOf(';');
        return (separator >= 0 ? field[(separator + 1)..] : field).Trim();
    }

    private static IEnumerable<string> Addresses(string? value) =>
        value is null ? [] : EmailAddress().Matches(value).Select(m => m.Value.ToLowerInvariant());

    private static string? QuotedHeader(string text, string name)
    {
        var match = Regex.Match(text, $@"^[ >]*{Regex.Escape(name)}:[ \t]*(.+)$", RegexOptions.Multiline | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        return match.Success ? match.Groups[1].Value.Trim() : null;
    }

    private static string Unbracket(string id) => id.Trim().TrimStart('<').TrimEnd('>').Trim();

    /// <summary>The status and the server's words, the status once.</summary>
    private static string Detail(string? status, string? words)
    {
        var detail = (status, words) switch
        {
            (_, { Length: > 0 } said) when status is null || said.Contains(status, StringComparison.Ordinal) => said,
            ({ } code, { Length: > 0 } said) => $"{code} {said}",
            _ => status ?? "",
        };
        return detail.Length <= DeliveryEvent.MaxDetailLength ? detail : detail[..DeliveryEvent.MaxDetailLength];
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+=\-']+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailAddress();

    [GeneratedRegex(@"^[ >]*(Message-ID|Received|Return-Path):", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex QuotedHeaderLine();
}
