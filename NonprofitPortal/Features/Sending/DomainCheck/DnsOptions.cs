using System.Net;

namespace NonprofitPortal.Features.Sending.DomainCheck;

/// <summary>The resolvers the sender-domain check asks: <c>Mail:DnsServers</c>, e.g. <c>["10.0.0.2", "127.0.0.1:5353"]</c>.</summary>
public sealed class DnsOptions
{
    public const string Section = "Mail";

    private const int DnsPort = 53;

    /// <summary>Addresses with an optional port (53); empty: the machine's own resolvers.</summary>
    public List<string> DnsServers { get; set; } = [];

    /// <summary>The servers as endpoints; null for an entry that is not an IP address with an optional port.</summary>
    public IReadOnlyList<IPEndPoint?> Endpoints() => DnsServers
        .Select(server => IPEndPoint.TryParse(server.Trim(), out var endpoint) ? new IPEndPoint(endpoint.Address, endpoint.Port == 0 ? DnsPort : endpoint.Port) : null)
        .ToList();
}
