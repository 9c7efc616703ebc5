using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using static NonprofitPortal.Features.Bounces.Webhooks.JsonFields;
using NonprofitPortal.Features.Bounces.Parsing;

namespace NonprofitPortal.Features.Bounces.Webhooks;

/// <summary>
/// SendGrid's signed Event Webhook: <c>X-Twilio-Email-Event-Webhook-Signature</c> is the base64
/// ECDSA (P-256, SHA-256, DER) signature of the <c>X-Twilio-Email-Event-Webhook-Timestamp</c>
/// header followed by the raw body, under the account's verification key; the body is an array of
/// events (<c>bounce</c>, <c>spamreport</c>...).
/// </summary>
public static class SendGridWebhook
{
    public const string SignatureHeader = "X-Twilio-Email-Event-Webhook-Signature";
    public const string TimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp";

    public static bool Verify(string publicKey, string? timestamp, string? signature, byte[] body)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return false;
        }

        try
        {
            using var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(publicKey), out _);
            var signed = Encoding.UTF8.GetBytes(timestamp).Concat(body).ToArray();
            return key.VerifyData(signed, Convert.FromBase64String(signature), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (Exception exception) when (exception is FormatException or CryptographicException)
        {
            return false;
        }
    }

    public static IReadOnlyList<FeedbackReport> Reports(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var reports = new List<FeedbackReport>();
        foreach (var item in body.EnumerateArray())
        {
            var recipient = Text(item, "email")?.ToLowerInvariant();
            var messageId = Text(item, "smtp-id")?.Trim().Trim('<', '>');
            var id = $"sendgrid:{Text(item, "sg_event_id")}";
            switch (Text(item, "event"))
            {
                case "spamreport":
                    reports.Add(new FeedbackReport(FeedbackKind.Complaint, null, recipient, "Reported as spam (SendGrid)", messageId, [], id));
                    break;
                case "bounce":
                    var status = Text(item, "status");
                    var reason = Text(item, "reason") ?? "";
                    // "blocked" is the receiving side refusing this sender or message, not the address.
                    var bounceClass = Text(item, "type") == "blocked"
                        ? BounceClass.Soft
                        : BounceClassifier.FromStatus(status) ?? BounceClassifier.FromText(reason)?.Class ?? BounceClass.Hard;
                    var detail = status is not null && !reason.Contains(status, StringComparison.Ordinal) ? $"{status} {reason}".Trim() : reason;
                    reports.Add(new FeedbackReport(FeedbackKind.Bounce, bounceClass, recipient, detail, messageId, [], id));
                    break;
            }
        }

        return reports;
    }
}
