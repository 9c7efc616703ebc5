using System.Security.Cryptography;

namespace NonprofitPortal.Tests.Infrastructure;

/// <summary>
/// The zone the test DNS server (<see cref="DnsServer"/>) serves: one sender domain set up right
/// and one set up wrong, for the sender-domain check.
/// </summary>
public static class SenderDomains
{
    public const string Right = "right-sender.test";
    public const string Wrong = "wrong-sender.test";
    public const string Selector = "portal";

    /// <summary>Has an MX record.</summary>
    public const string ReturnPath = "bounces.right-sender.test";

    /// <summary>Has neither an MX nor an address record.</summary>
    public const string LostReturnPath = "bounces.wrong-sender.test";

    public const string RightSpf = "v=spf1 ip4:192.0.2.10 a:smtp.right-sender.test -all";
    public const string RightDmarc = "v=DMARC1; p=quarantine; rua=mailto:dmarc@right-sender.test";

    /// <summary>The key configured for both domains; published only at <see cref="Right"/>.</summary>
    public static RSA Key { get; } = RSA.Create(2048);

    /// <summary>Published at <see cref="Wrong"/> instead of <see cref="Key"/>.</summary>
    public static RSA OtherKey { get; } = RSA.Create(2048);

    public static string PublicKey(RSA key) => Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());

    /// <summary>dnsmasq configuration lines for the zone.</summary>
    internal static IEnumerable<string> DnsmasqLines() =>
    [
        // Names under these domains that have no record do not exist (NXDOMAIN): nothing is asked upstream.
        $"local=/{Right}/",
        $"local=/{Wrong}/",
        $"txt-record={Right},\"{RightSpf}\"",
        // A DKIM record longer than one DNS string (255 characters), split as DNS providers do.
        $"txt-record={Selector}._domainkey.{Right},{string.Join(',', Strings($"v=DKIM1; k=rsa; p={PublicKey(Key)}").Select(s => $"\"{s}\""))}",
        $"txt-record=_dmarc.{Right},\"{RightDmarc}\"",
        $"mx-host={ReturnPath},mx.{Right},10",
        // Two SPF records, a DKIM record with another key, and no DMARC record.
        $"txt-record={Wrong},\"v=spf1 a -all\"",
        $"txt-record={Wrong},\"v=spf1 mx +all\"",
        $"txt-record={Selector}._domainkey.{Wrong},{string.Join(',', Strings($"v=DKIM1; k=rsa; p={PublicKey(OtherKey)}").Select(s => $"\"{s}\""))}",
    ];

    private static IEnumerable<string> Strings(string value) => value.Chunk(255).Select(chunk => new string(chunk));
}
