using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NonprofitPortal.Features.Bounces.Webhooks;

namespace NonprofitPortal.Tests.Integration.Bounces;

/// <summary>A host with every provider's webhook configured, with keys made here.</summary>
public sealed class WebhookHost : IAsyncLifetime
{
    public const string TopicArn = "arn:aws:sns:eu-west-1:123456789012:portal-bounces";
    public const string MailgunKey = "key-test-mailgun-signing";
    public const string PostmarkUser = "postmark-hook";
    public const string PostmarkPassword = "Postmark-Test-Pass-1";

    public WebhookHost()
    {
        SnsKey = RSA.Create(2048);
        var request = new CertificateRequest("CN=sns.amazonaws.com", SnsKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        Sns = new FakeSnsClient(request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30)));
        SendGridKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Host = new PortalHost(
            new Dictionary<string, string?>
            {
                ["Bounces:Webhooks:Ses:TopicArns:0"] = TopicArn,
                ["Bounces:Webhooks:SendGrid:PublicKey"] = Convert.ToBase64String(SendGridKey.ExportSubjectPublicKeyInfo()),
                ["Bounces:Webhooks:Postmark:User"] = PostmarkUser,
                ["Bounces:Webhooks:Postmark:Password"] = PostmarkPassword,
                ["Bounces:Webhooks:Mailgun:SigningKey"] = MailgunKey,
            },
            testServices: services => services.AddSingleton<ISnsClient>(Sns));
    }

    public PortalHost Host { get; }

    public RSA SnsKey { get; }

    public FakeSnsClient Sns { get; }

    public ECDsa SendGridKey { get; }

    public ValueTask InitializeAsync()
    {
        Host.StartServer();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        SnsKey.Dispose();
        SendGridKey.Dispose();
    }
}
