using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using static NonprofitPortal.Features.Bounces.Webhooks.JsonFields;
using MimeKit;
using NonprofitPortal.Features.Bounces.Parsing;

namespace NonprofitPortal.Features.Bounces.Webhooks;

/// <summary>
/// Postmark's bounce and spam-complaint webhooks, secured with HTTP basic auth in the webhook URL.
/// Postmark's own MessageID is not ours: when the raw bounce (<c>Content</c>) is included it is
/// read like a mailbox bounce, otherwise the recipient address names the message.
/// </summary>
public static class PostmarkWebhook
{
    private static readonly HashSet<string> HardTypes = ["HardBounce", "BadEmailAddress", "ManuallyDeactivated"];
    private static readonly HashSet<string> SoftTypes = ["SoftBounce", "Transient", "DnsError"];

    public static bool Verify(string user, string password, string? authorization)
    {
        if (authorization is null || !authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromBase64String(authorization["Basic ".Length..].Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes($"{user}:{password}"), given);
    }

    public static IReadOnlyList<FeedbackReport> Reports(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        var recordType = Text(body, "RecordType");
        var type = Text(body, "Type") ?? "";
        var recipient = Text(body, "Email")?.ToLowerInvariant();
        var id = $"postmark:{(body.TryGetProperty("ID", out var number) ? number.GetRawText() : "")}";
        var original = Original(Text(body, "Content"));
        var detail = Text(body, "Details") is { Length: > 0 } details ? details : Text(body, "Description") ?? type;
        if (recordType == "SpamComplaint" || type == "SpamComplaint")
        {
            return [new FeedbackReport(FeedbackKind.Complaint, null, recipient, "Reported as spam (Postmark)", original?.OriginalMessageId, original?.ReturnPaths ?? [], id)];
        }

        if (recordType != "Bounce" || !(HardTypes.Contains(type) || SoftTypes.Contains(type)))
        {
            return [];
        }

        var bounceClass = HardTypes.Contains(type) ? BounceClassifier.FromText(detail)?.Class ?? BounceClass.Hard : BounceClass.Soft;
        return [new FeedbackReport(FeedbackKind.Bounce, bounceClass, recipient, $"{type}: {detail}", original?.OriginalMessageId, original?.ReturnPaths ?? [], id)];
    }

    /// <summary>The raw bounce Postmark received, read for the original's Message-ID and return path.</summary>
    private static FeedbackReport? Original(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }

        try
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));
            return BounceMessageParser.Parse(MimeMessage.Load(stream))?.FirstOrDefault();
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
