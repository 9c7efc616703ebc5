using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using static NonprofitPortal.Features.Bounces.Webhooks.JsonFields;
using Microsoft.Extensions.Options;
using NonprofitPortal.Features.Bounces.Parsing;

namespace NonprofitPortal.Features.Bounces.Webhooks;

/// <summary>
/// Amazon SES notifications delivered by Amazon SNS. Each SNS message is verified as SNS documents
/// it: its topic must be one of <c>Bounces:Webhooks:Ses:TopicArns</c>, its certificate must come
/// over HTTPS from an SNS host, and the RSA signature (SignatureVersion 1: SHA-1, 2: SHA-256)
/// must match the canonical string of its fields. A subscription confirmation is confirmed by
/// fetching its SubscribeURL (an SNS host too).
/// </summary>
public sealed class SesWebhook(ISnsClient sns, IOptions<BounceOptions> options)
{
    private readonly ConcurrentDictionary<string, X509Certificate2> _certificates = new();

    public bool IsConfigured => options.Value.Webhooks.Ses.TopicArns.Count > 0;

    /// <summary>Whether the message is SNS's and for one of our topics; nothing is fetched for one that is not.</summary>
    public async Task<bool> VerifyAsync(JsonElement message, CancellationToken cancellationToken)
    {
        if (Text(message, "TopicArn") is not { } topic
            || !options.Value.Webhooks.Ses.TopicArns.Contains(topic, StringComparer.Ordinal)
            || StringToSign(message) is not { } signed
            || Text(message, "Signature") is not { } signature
            || !Uri.TryCreate(Text(message, "SigningCertURL"), UriKind.Absolute, out var certificateUrl)
            || !SnsHosts.IsTrusted(certificateUrl))
        {
            return false;
        }

        var hash = Text(message, "SignatureVersion") switch
        {
            "1" => HashAlgorithmName.SHA1,
            "2" => HashAlgorithmName.SHA256,
            _ => default(HashAlgorithmName?),
        };
        if (hash is null)
        {
            return false;
        }

        try
        {
            var certificate = _certificates.TryGetValue(certificateUrl.AbsoluteUri, out var known)
                ? known
                : _certificates.GetOrAdd(certificateUrl.AbsoluteUri, await sns.CertificateAsync(certificateUrl, cancellationToken));
            using var key = certificate.GetRSAPublicKey();
            return key is not null && key.VerifyData(Encoding.UTF8.GetBytes(signed), Convert.FromBase64String(signature), hash.Value, RSASignaturePadding.Pkcs1);
        }
        catch (Exception exception) when (exception is FormatException or CryptographicException)
        {
            return false;
        }
    }

    /// <summary>Confirms a subscription to one of our topics (the message is verified first).</summary>
    public async Task<bool> ConfirmAsync(JsonElement message, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(Text(message, "SubscribeURL"), UriKind.Absolute, out var subscribe) || !SnsHosts.IsTrusted(subscribe))
        {
            return false;
        }

        await sns.ConfirmSubscriptionAsync(subscribe, cancellationToken);
        return true;
    }

    /// <summary>
    /// SNS's canonical form: for a notification Message, MessageId, Subject (when present),
    /// Timestamp, TopicArn, Type; for (un)subscribe confirmations Message, MessageId,
    /// SubscribeURL, Timestamp, Token, TopicArn, Type — each name and value on a line of its own.
    /// </summary>
    public static string? StringToSign(JsonElement message)
    {
        string[] fields = Text(message, "Type") switch
        {
            "Notification" => ["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"],
            "SubscriptionConfirmation" or "UnsubscribeConfirmation" => ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"],
            _ => [],
        };
        if (fields.Length == 0)
        {
            return null;
        }

        var signed = new StringBuilder();
        foreach (var field in fields)
        {
            if (Text(message, field) is { } value)
            {
                signed.Append(field).Append('\n').Append(value).Append('\n');
            }
            else if (field != "Subject")
            {
                return null;
            }
        }

        return signed.ToString();
    }

    /// <summary>The bounces and complaints of an SES notification (the SNS message's <c>Message</c>, itself JSON).</summary>
    public static IReadOnlyList<FeedbackReport> Reports(JsonElement message)
    {
        if (Text(message, "Message") is not { } inner)
        {
            return [];
        }

        using var notification = JsonDocument.Parse(inner);
        var root = notification.RootElement;
        var mail = root.TryGetProperty("mail", out var m) ? m : default;
        var messageId = OriginalMessageId(mail);
        var returnPaths = Text(mail, "source") is { } source ? [source.ToLowerInvariant()] : Array.Empty<string>();
        var reports = new List<FeedbackReport>();
        switch (Text(root, "notificationType") ?? Text(root, "eventType"))
        {
            case "Bounce" when root.TryGetProperty("bounce", out var bounce):
                var permanent = Text(bounce, "bounceType") == "Permanent";
                foreach (var recipient in Items(bounce, "bouncedRecipients"))
                {
                    var address = Text(recipient, "emailAddress")?.ToLowerInvariant();
                    var status = Text(recipient, "status");
                    var diagnostic = Text(recipient, "diagnosticCode") ?? $"{Text(bounce, "bounceType")} bounce ({Text(bounce, "bounceSubType")})";
                    var bounceClass = BounceClassifier.FromStatus(status) ?? (permanent ? BounceClass.Hard : BounceClass.Soft);
                    reports.Add(new FeedbackReport(FeedbackKind.Bounce, bounceClass, address, diagnostic, messageId, returnPaths, $"ses:{Text(bounce, "feedbackId")}#{address}"));
                }

                break;
            case "Complaint" when root.TryGetProperty("complaint", out var complaint) && Text(complaint, "complaintFeedbackType") != "not-spam":
                foreach (var recipient in Items(complaint, "complainedRecipients"))
                {
                    var address = Text(recipient, "emailAddress")?.ToLowerInvariant();
                    var kind = Text(complaint, "complaintFeedbackType") ?? "abuse";
                    reports.Add(new FeedbackReport(FeedbackKind.Complaint, null, address, $"Reported as {kind} (Amazon SES)", messageId, returnPaths, $"ses:{Text(complaint, "feedbackId")}#{address}"));
                }

                break;
        }

        return reports;
    }

    /// <summary>The original's Message-ID header (SES's own <c>mail.messageId</c> is not it).</summary>
    private static string? OriginalMessageId(JsonElement mail)
    {
        if (mail.ValueKind == JsonValueKind.Object && mail.TryGetProperty("commonHeaders", out var common) && Text(common, "messageId") is { } id)
        {
            return id.Trim().Trim('<', '>');
        }

        return Items(mail, "headers")
            .Where(h => string.Equals(Text(h, "name"), "Message-ID", StringComparison.OrdinalIgnoreCase))
            .Select(h => Text(h, "value")?.Trim().Trim('<', '>'))
            .FirstOrDefault();
    }

}
