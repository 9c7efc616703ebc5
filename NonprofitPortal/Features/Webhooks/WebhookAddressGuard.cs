using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace NonprofitPortal.Features.Webhooks;

/// <summary>
/// Keeps webhooks off this machine and private networks (<see cref="NetworkAddressRules"/>) unless
/// <c>Webhooks:AllowPrivateNetworks</c>: once when an endpoint is registered, and again on every
/// connection, since a name may resolve elsewhere by then (DNS rebinding).
/// </summary>
public sealed class WebhookAddressGuard(IOptions<WebhookOptions> options)
{
    /// <summary>Why the URL may not be an endpoint, or null when it may.</summary>
    public async Task<string?> RefusalAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "Enter an absolute http:// or https:// URL.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "Leave the user name and password out of the URL: the signature authenticates the portal.";
        }

        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(uri.DnsSafeHost, cancellationToken);
        }
        catch (SocketException)
        {
            return $"The host '{uri.Host}' cannot be resolved.";
        }

        if (addresses.Length == 0)
        {
            return $"The host '{uri.Host}' cannot be resolved.";
        }

        return !options.Value.AllowPrivateNetworks && addresses.Any(NetworkAddressRules.IsRefused)
            ? $"'{uri.Host}' is on this machine or a private network, which webhooks may not reach (Webhooks:AllowPrivateNetworks)."
            : null;
    }

    /// <summary>The <see cref="SocketsHttpHandler.ConnectCallback"/>: connects only to addresses the rules allow.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = await ResolveAsync(context.DnsEndPoint.Host, cancellationToken);
        var allowed = options.Value.AllowPrivateNetworks ? addresses : addresses.Where(a => !NetworkAddressRules.IsRefused(a)).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException($"'{context.DnsEndPoint.Host}' resolves only to addresses webhooks may not reach (this machine or a private network).");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
}
