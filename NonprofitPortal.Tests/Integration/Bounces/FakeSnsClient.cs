using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using NonprofitPortal.Features.Bounces.Webhooks;

namespace NonprofitPortal.Tests.Integration.Bounces;

/// <summary>Amazon SNS as the tests play it: serves the test's own signing certificate and notes the confirmations.</summary>
public sealed class FakeSnsClient(X509Certificate2 certificate) : ISnsClient
{
    public ConcurrentQueue<Uri> Fetched { get; } = new();

    public ConcurrentQueue<Uri> Confirmed { get; } = new();

    public Task<X509Certificate2> CertificateAsync(Uri signingCertUrl, CancellationToken cancellationToken)
    {
        Fetched.Enqueue(signingCertUrl);
        return Task.FromResult(X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert)));
    }

    public Task ConfirmSubscriptionAsync(Uri subscribeUrl, CancellationToken cancellationToken)
    {
        Confirmed.Enqueue(subscribeUrl);
        return Task.CompletedTask;
    }
}
