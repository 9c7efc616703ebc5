using System.Net;
using System.Net.Sockets;

namespace NonprofitPortal.Features.Webhooks;

/// <summary>
/// Which addresses a webhook may not reach unless <c>Webhooks:AllowPrivateNetworks</c> is set:
/// this machine, its link-local neighbours (cloud metadata services live there) and private
/// networks, so that registering an endpoint cannot be used to probe the foundation's own network.
/// </summary>
public static class NetworkAddressRules
{
    private static readonly (IPAddress Network, int PrefixLength)[] RefusedRanges =
    [
        (IPAddress.Parse("0.0.0.0"), 8),
        (IPAddress.Parse("10.0.0.0"), 8),
        (IPAddress.Parse("100.64.0.0"), 10),
        (IPAddress.Parse("127.0.0.0"), 8),
        (IPAddress.Parse("169.254.0.0"), 16),
        (IPAddress.Parse("172.16.0.0"), 12),
        (IPAddress.Parse("192.168.0.0"), 16),
        (IPAddress.Parse("224.0.0.0"), 4),
        (IPAddress.Parse("240.0.0.0"), 4),
        (IPAddress.Parse("::"), 128),
        (IPAddress.Parse("::1"), 128),
        (IPAddress.Parse("fc00::"), 7),
        (IPAddress.Parse("fe80::"), 10),
        (IPAddress.Parse("ff00::"), 8),
    ];

    public static bool IsRefused(IPAddress address)
    {
        // IPv4 in IPv6 clothing is refused outright rather than judged: it is how filters get walked round.
        return address.IsIPv4MappedToIPv6
            || address.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)
            || RefusedRanges.Any(range => range.Network.AddressFamily == address.AddressFamily && IsIn(address, range.Network, range.PrefixLength));
    }

    private static bool IsIn(IPAddress address, IPAddress network, int prefixLength)
    {
        var (bytes, networkBytes) = (address.GetAddressBytes(), network.GetAddressBytes());
        for (var bit = 0; bit < prefixLength; bit++)
        {
            var mask = (byte)(0x80 >> (bit % 8));
            if ((bytes[bit / 8] & mask) != (networkBytes[bit / 8] & mask))
            {
                return false;
            }
        }

        return true;
    }
}
