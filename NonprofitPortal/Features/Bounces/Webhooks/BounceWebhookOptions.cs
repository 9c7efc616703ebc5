namespace NonprofitPortal.Features.Bounces.Webhooks;

/// <summary>What each provider's webhook is verified with (<c>Bounces:Webhooks:*</c>); a provider left unset answers 404.</summary>
public sealed class BounceWebhookOptions
{
    public MailgunWebhookOptions Mailgun { get; set; } = new();

    public SendGridWebhookOptions SendGrid { get; set; } = new();

    public PostmarkWebhookOptions Postmark { get; set; } = new();

    public SesWebhookOptions Ses { get; set; } = new();
}

public sealed class MailgunWebhookOptions
{
    /// <summary>The "HTTP webhook signing key" of the Mailgun account.</summary>
    public string? SigningKey { get; set; }
}

public sealed class SendGridWebhookOptions
{
    /// <summary>The verification key SendGrid shows for the signed Event Webhook: base64 of the DER public key (ECDSA P-256).</summary>
    public string? PublicKey { get; set; }
}

public sealed class PostmarkWebhookOptions
{
    /// <summary>The basic-auth user name put in the webhook URL configured at Postmark.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }
}

public sealed class SesWebhookOptions
{
    /// <summary>The SNS topics whose notifications are accepted (<c>arn:aws:sns:region:account:name</c>).</summary>
    public List<string> TopicArns { get; set; } = [];
}
