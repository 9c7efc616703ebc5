using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using NonprofitPortal.Features.Bounces.Mailboxes;

namespace NonprofitPortal.Features.Bounces;

internal sealed class BounceOptionsValidator : IValidateOptions<BounceOptions>
{
    public ValidateOptionsResult Validate(string? name, BounceOptions options)
    {
        var failures = new List<string>();
        if (options.ReturnPathDomain is { Length: > 0 } domain && Uri.CheckHostName(domain) != UriHostNameType.Dns)
        {
            failures.Add($"Bounces:ReturnPathDomain '{domain}' is not a domain name; use e.g. bounces.foundation.example (its MX must reach a bounce mailbox).");
        }

        if (options.PollSeconds is < 1 or > 86_400)
        {
            failures.Add("Bounces:PollSeconds must be between 1 and 86400.");
        }

        if (options.SoftBounceLimit is < 0 or > 1000)
        {
            failures.Add("Bounces:SoftBounceLimit must be between 0 (the first soft bounce suppresses) and 1000.");
        }

        if (options.SoftBounceWindowDays is < 1 or > 3650)
        {
            failures.Add("Bounces:SoftBounceWindowDays must be between 1 and 3650.");
        }

        for (var i = 0; i < options.Mailboxes.Count; i++)
        {
            CheckMailbox($"Bounces:Mailboxes:{i}", options.Mailboxes[i], failures);
        }

        foreach (var duplicate in options.Mailboxes.GroupBy(m => m.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1 && g.Key.Length > 0))
        {
            failures.Add($"Bounces:Mailboxes has more than one mailbox named '{duplicate.Key}'; give each a distinct Name.");
        }

        var webhooks = options.Webhooks;
        if (webhooks.SendGrid.PublicKey is { Length: > 0 } publicKey && !IsP256PublicKey(publicKey))
        {
            failures.Add("Bounces:Webhooks:SendGrid:PublicKey is not the base64 ECDSA P-256 public key that SendGrid shows for the signed Event Webhook (Settings > Mail Settings > Signed Event Webhook).");
        }

        if (string.IsNullOrEmpty(webhooks.Postmark.User) != string.IsNullOrEmpty(webhooks.Postmark.Password))
        {
            failures.Add("Bounces:Webhooks:Postmark:User and Bounces:Webhooks:Postmark:Password go together: set both (the basic-auth pair in the webhook URL at Postmark) or neither.");
        }

        for (var i = 0; i < webhooks.Ses.TopicArns.Count; i++)
        {
            if (!webhooks.Ses.TopicArns[i].StartsWith("arn:aws", StringComparison.Ordinal))
            {
                failures.Add($"Bounces:Webhooks:Ses:TopicArns:{i} '{webhooks.Ses.TopicArns[i]}' is not an SNS topic ARN (arn:aws:sns:region:account:topic).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckMailbox(string key, BounceMailboxOptions mailbox, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(mailbox.Name))
        {
            failures.Add($"{key}:Name is required: it names the mailbox on the admin page and in each event it records.");
        }
        else if (mailbox.Name.Length > BounceMailboxState.MaxNameLength)
        {
            failures.Add($"{key}:Name has at most {BounceMailboxState.MaxNameLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(mailbox.Host))
        {
            failures.Add($"{key}:Host is required (the IMAP or POP3 server).");
        }

        if (mailbox.Port is < 0 or > 65535)
        {
            failures.Add($"{key}:Port must be between 1 and 65535 (or 0 for the protocol's usual port).");
        }

        if (string.IsNullOrWhiteSpace(mailbox.User))
        {
            failures.Add($"{key}:User is required (the mailbox's login).");
        }

        if (mailbox.Protocol == MailboxProtocol.Pop3 && !string.IsNullOrEmpty(mailbox.ProcessedFolder))
        {
            failures.Add($"{key}:ProcessedFolder cannot be used with POP3, which has no folders: leave it unset, and processed messages are deleted.");
        }

        if (mailbox.Protocol == MailboxProtocol.Imap && string.IsNullOrWhiteSpace(mailbox.Folder))
        {
            failures.Add($"{key}:Folder must name the IMAP folder to read (INBOX when unset).");
        }

        if (!string.IsNullOrEmpty(mailbox.ProcessedFolder) && string.Equals(mailbox.ProcessedFolder, mailbox.Folder, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{key}:ProcessedFolder must differ from {key}:Folder, or every message would be read again.");
        }
    }

    private static bool IsP256PublicKey(string base64)
    {
        try
        {
            using var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(base64), out _);
            return key.KeySize == 256;
        }
        catch (Exception exception) when (exception is FormatException or CryptographicException)
        {
            return false;
        }
    }
}
