using System.Security.Cryptography.X509Certificates;

namespace NonprofitPortal.Features.Bounces.Webhooks;

/// <summary>
/// What the SES webhook fetches from Amazon SNS: the certificate a message was signed with, and the
/// subscription confirmation link. A seam: the app fetches over HTTPS, tests serve their own certificate.
/// Callers pass only URLs that <see cref="SnsHosts.IsTrusted"/> accepts.
/// </summary>
public interface ISnsClient
{
    Task<X509Certificate2> CertificateAsync(Uri signingCertUrl, CancellationToken cancellationToken);

    Task ConfirmSubscriptionAsync(Uri subscribeUrl, CancellationToken cancellationToken);
}
