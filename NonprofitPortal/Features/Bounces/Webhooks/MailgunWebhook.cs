using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using static NonprofitPortal.Features.Bounces.Webhooks.JsonFields;
using NonprofitPortal.Features.Bounces.Parsing;

namespace NonprofitPortal.Features.Bounces.Webhooks;

/// <summary>
/// Mailgun's webhook: the body carries <c>signature {timestamp, token, signature}</c>, the hex
/// HMAC-SHA256 of timestamp and token (concatenated) under the account's webhook signing key,
/// and <c>event-data</c> (<c>failed</c> with a severity, or <c>complained</c>).
/// </summary>
public static class MailgunWebhook
{
    /// <summary>How far a signature's timestamp may be from now, either way.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    /// <returns>The token, to be refused if it comes again; null when the signature is missing, forged or too old.</returns>
    public static string? Verify(JsonElement body, string signingKey, DateTimeOffset now)
    {
        if (!body.TryGetProperty("signature", out var signature)
            || Text(signature, "timestamp") is not { } timestamp
            || Text(signature, "token") is not { Length: > 0 } token
            || Text(signature, "signature") is not { } hex
            || !long.TryParse(timestamp, out var seconds)
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > Tolerance)
        {
            return null;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), Encoding.UTF8.GetBytes(timestamp + token));
        byte[] given;
        try
        {
            given = Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return null;
        }

        return CryptographicOperations.FixedTimeEquals(expected, given) ? token : null;
    }

    public static IReadOnlyList<FeedbackReport> Reports(JsonElement body)
    {
        if (!body.TryGetProperty("event-data", out var data))
        {
            return [];
        }

        var id = Text(data, "id") ?? "";
        var recipient = Text(data, "recipient")?.ToLowerInvariant();
        var messageId = data.TryGetProperty("message", out var message) && message.TryGetProperty("headers", out var headers) ? Text(headers, "message-id") : null;
        var returnPaths = data.TryGetProperty("envelope", out var envelope) && Text(envelope, "sender") is { } sender ? [sender.ToLowerInvariant()] : Array.Empty<string>();
        switch (Text(data, "event"))
        {
            case "complained":
                return [new FeedbackReport(FeedbackKind.Complaint, null, recipient, "Reported as spam (Mailgun)", messageId, returnPaths, $"mailgun:{id}")];
            case "failed":
                var status = data.TryGetProperty("delivery-status", out var delivery) ? delivery : default;
                var words = string.Join(" ", new[] { Number(status, "code"), Text(status, "enhanced-code"), Text(status, "message"), Text(status, "description") }.Where(w => !string.IsNullOrWhiteSpace(w)));
                var permanent = Text(data, "severity") == "permanent";
                // Mailgun retries temporary failures itself and says "failed" for each try: the last says "permanent".
                var bounceClass = BounceClassifier.FromText(words)?.Class is { } byWords && permanent ? byWords : permanent ? BounceClass.Hard : BounceClass.Soft;
                return [new FeedbackReport(FeedbackKind.Bounce, bounceClass, recipient, words, messageId?.Trim('<', '>'), returnPaths, $"mailgun:{id}")];
            default:
                return [];
        }
    }

}
