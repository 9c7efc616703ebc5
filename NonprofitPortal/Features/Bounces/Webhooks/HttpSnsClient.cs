using System.Security.Cryptography.X509Certificates;

namespace NonprofitPortal.Features.Bounces.Webhooks;

/// <summary>Fetches from Amazon SNS over HTTPS, and from nowhere else.</summary>
internal sealed class HttpSnsClient(IHttpClientFactory clients) : ISnsClient
{
    public const string ClientName = "amazon-sns";

    public async Task<X509Certificate2> CertificateAsync(Uri signingCertUrl, CancellationToken cancellationToken)
    {
        using var http = clients.CreateClient(ClientName);
        var pem = await http.GetStringAsync(Trusted(signingCertUrl), cancellationToken);
        return X509Certificate2.CreateFromPem(pem);
    }

    public async Task ConfirmSubscriptionAsync(Uri subscribeUrl, CancellationToken cancellationToken)
    {
        using var http = clients.CreateClient(ClientName);
        using var response = await http.GetAsync(Trusted(subscribeUrl), cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private static Uri Trusted(Uri url) =>
        SnsHosts.IsTrusted(url) ? url : throw new InvalidOperationException($"{url.Host} is not an Amazon SNS host; nothing is fetched from it.");
}
