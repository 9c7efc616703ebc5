using System.Net;
using System.Security.Cryptography;

namespace NonprofitPortal.Features.Sending.DomainCheck;

/// <summary>
/// What a sender domain's DNS records mean for delivery, and the exact records to publish: pure
/// decisions over what the lookups returned (<see cref="SenderDomainCheck"/> does the lookups).
/// </summary>
public static class SenderDomainRules
{
    public static RecordCheck Spf(string domain, DnsAnswer txt, IReadOnlyList<string> relays)
    {
        if (txt.Error is { } error)
        {
            return LookupFailed(domain, error);
        }

        var records = txt.Records.Where(r => HasVersion(r, "v=spf1")).ToList();
        var relayMechanisms = relays.Select(RelayMechanism).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (records.Count == 0)
        {
            var suggested = $"v=spf1 {string.Join(' ', relayMechanisms.DefaultIfEmpty("mx"))} ~all";
            return new RecordCheck(false, null, false,
                $"{domain} publishes no SPF record, so receivers cannot tell your mail server from a forger. " +
                $"Publish this TXT record at {domain}: \"{suggested}\". {RelayNote(relays, relayMechanisms)}");
        }

        if (records.Count > 1)
        {
            var terms = records.SelectMany(r => r.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)).Where(t => !IsAll(t)).Distinct(StringComparer.OrdinalIgnoreCase);
            return new RecordCheck(true, string.Join(" | ", records), false,
                $"{domain} has {records.Count} SPF records; receivers then ignore SPF altogether (a permanent error). " +
                $"Replace them with one TXT record: \"v=spf1 {string.Join(' ', terms)} ~all\".");
        }

        var record = records[0];
        var last = record.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
        if (!last.Equals("-all", StringComparison.OrdinalIgnoreCase) && !last.Equals("~all", StringComparison.OrdinalIgnoreCase))
        {
            var kept = record.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => !IsAll(t));
            var why = IsAll(last) ? $"ends in \"{last}\", which lets any server send as {domain}" : "has no \"all\" at the end, so it says nothing about other servers";
            return new RecordCheck(true, record, false,
                $"The SPF record {why}. End it with ~all (others are suspicious) or -all (others fail): \"{string.Join(' ', kept)} ~all\".");
        }

        var unnamed = relays.Where(relay => RelayMechanism(relay) is not null && !record.Contains(relay, StringComparison.OrdinalIgnoreCase)).ToList();
        return new RecordCheck(true, record, true, unnamed.Count == 0
            ? $"SPF is published and tells receivers to distrust other servers ({last})."
            : $"SPF is published and tells receivers to distrust other servers ({last}). It does not name your mail server {string.Join(", ", unnamed)}: " +
              "check that one of its include:, a: or ip4: terms covers the addresses that server sends from.");
    }

    public static RecordCheck Dkim(string domain, ConfiguredDkimKey? key, DnsAnswer txt)
    {
        if (key is null)
        {
            return new RecordCheck(false, null, false,
                $"No DKIM key is configured for {domain}, so its mail goes out unsigned. Make a 2048-bit key " +
                "(openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out dkim.pem), configure it under " +
                $"Mail:Dkim:Keys:N with Domain {domain}, a Selector and PrivateKeyPath, then check again for the record to publish.");
        }

        var name = $"{key.Selector}._domainkey.{domain}";
        if (txt.Error is { } error)
        {
            return LookupFailed(name, error);
        }

        var wanted = $"v=DKIM1; k=rsa; p={Convert.ToBase64String(key.PublicKey)}";
        var records = txt.Records.Where(r => Tags(r).ContainsKey("p")).ToList();
        if (records.Count == 0)
        {
            return new RecordCheck(false, null, false,
                $"Nothing is published at {name}, so receivers cannot check the signatures made with {key.Key}. " +
                $"Publish this TXT record at {name}: \"{wanted}\" (DNS providers split a long value into 255-character strings; that is fine).");
        }

        if (records.Count > 1)
        {
            return new RecordCheck(true, string.Join(" | ", records), false,
                $"{name} has {records.Count} DKIM records; receivers may pick the wrong one. Keep only this one: \"{wanted}\".");
        }

        var published = Tags(records[0])["p"];
        if (published.Length == 0)
        {
            return new RecordCheck(true, records[0], false,
                $"The record at {name} revokes its key (an empty p=), so every signature fails. Publish: \"{wanted}\".");
        }

        return SameRsaKey(published, key.PublicKey)
            ? new RecordCheck(true, records[0], true, $"The key published at {name} matches {key.Key}: signatures can be checked.")
            : new RecordCheck(true, records[0], false,
                $"The record at {name} holds a different public key from the one configured in {key.Key}, so every signature fails. " +
                $"Replace it with: \"{wanted}\".");
    }

    public static RecordCheck Dmarc(string domain, DnsAnswer txt)
    {
        var name = $"_dmarc.{domain}";
        if (txt.Error is { } error)
        {
            return LookupFailed(name, error);
        }

        var starter = $"v=DMARC1; p=none; rua=mailto:dmarc-reports@{domain}";
        var records = txt.Records.Where(r => HasVersion(r, "v=DMARC1")).ToList();
        if (records.Count == 0)
        {
            return new RecordCheck(false, null, false,
                $"{domain} publishes no DMARC policy; large mailbox providers expect one from anyone sending in bulk. " +
                $"Start with this TXT record at {name}: \"{starter}\". Receivers then send reports of who sends as {domain} " +
                "(to a mailbox you read); once they show only your own servers, move to p=quarantine, later to p=reject.");
        }

        if (records.Count > 1)
        {
            return new RecordCheck(true, string.Join(" | ", records), false,
                $"{name} has {records.Count} DMARC records; receivers then ignore DMARC. Keep one, for example \"{starter}\".");
        }

        var tags = Tags(records[0]);
        var reports = tags.ContainsKey("rua") ? "" : $" Add rua=mailto:dmarc-reports@{domain} to receive reports of who sends as {domain}.";
        return (tags.TryGetValue("p", out var policy) ? policy.ToLowerInvariant() : null) switch
        {
            "none" => new RecordCheck(true, records[0], true,
                $"DMARC is published in monitoring mode (p=none): nothing is held back yet.{reports} When the reports show only your own servers, move to p=quarantine."),
            "quarantine" => new RecordCheck(true, records[0], true,
                $"DMARC is published: mail that fails the checks goes to spam (p=quarantine).{reports} Move to p=reject once the reports stay clean."),
            "reject" => new RecordCheck(true, records[0], true,
                $"DMARC is published with the strictest policy: mail that fails the checks is refused (p=reject).{reports}"),
            _ => new RecordCheck(true, records[0], false,
                $"The DMARC record has no valid policy (p=none, quarantine or reject), so receivers ignore it. Publish: \"{starter}\"."),
        };
    }

    /// <param name="returnPathDomain"><c>Bounces:ReturnPathDomain</c>; null when not set.</param>
    public static RecordCheck ReturnPath(string domain, string? returnPathDomain, DnsAnswer mx, DnsAnswer addresses)
    {
        if (string.IsNullOrWhiteSpace(returnPathDomain))
        {
            return new RecordCheck(false, null, false,
                $"Not configured: bounces go back to the From address and are not matched to the messages they are about. " +
                $"Set Bounces:ReturnPathDomain to a domain whose MX receives the bounce mailbox the portal reads, e.g. bounces.{domain}, " +
                "and publish an SPF record on it too (receivers check SPF against the return path).");
        }

        if ((mx.Error ?? addresses.Error) is { } error)
        {
            return LookupFailed(returnPathDomain, error);
        }

        var aligned = returnPathDomain.Equals(domain, StringComparison.OrdinalIgnoreCase) || returnPathDomain.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase)
            ? ""
            : $" It is not {domain} or under it, so SPF passing for it does not count towards {domain}'s DMARC (DKIM still does).";
        if (mx.Records.Count > 0)
        {
            return new RecordCheck(true, string.Join("; ", mx.Records), true, $"Bounces to {returnPathDomain} are delivered to {string.Join(", ", mx.Records)}.{aligned}");
        }

        if (addresses.Records.Count > 0)
        {
            return new RecordCheck(true, string.Join("; ", addresses.Records), true,
                $"{returnPathDomain} has no MX record, so bounces go to its address ({string.Join(", ", addresses.Records)}). " +
                $"Publish an MX record to say so explicitly, e.g. \"{returnPathDomain}. MX 10 <your bounce mail server>.\".{aligned}");
        }

        return new RecordCheck(false, null, false,
            $"{returnPathDomain} (Bounces:ReturnPathDomain) has no MX or address record, so bounces sent there are lost. " +
            $"Publish an MX record for it pointing at the server that receives the bounce mailbox: \"{returnPathDomain}. MX 10 <your bounce mail server>.\".");
    }

    private static RecordCheck LookupFailed(string name, string error) =>
        new(false, null, false, $"The DNS lookup of {name} failed ({error}), so nothing can be said about it. Check that the DNS servers in Mail:DnsServers answer, then try again.");

    private static bool HasVersion(string record, string version) =>
        record.StartsWith(version, StringComparison.OrdinalIgnoreCase) && (record.Length == version.Length || record[version.Length] is ' ' or ';');

    private static bool IsAll(string term) => term.Length == 3 ? term.Equals("all", StringComparison.OrdinalIgnoreCase) : term.Length == 4 && term[0] is '+' or '-' or '~' or '?' && term[1..].Equals("all", StringComparison.OrdinalIgnoreCase);

    /// <summary>The SPF term allowing a relay to send; null for one on this machine, which passes mail on from elsewhere.</summary>
    private static string? RelayMechanism(string relay)
    {
        if (IPAddress.TryParse(relay, out var address))
        {
            return IPAddress.IsLoopback(address) ? null : $"{(address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "ip6" : "ip4")}:{address}";
        }

        return relay.Equals("localhost", StringComparison.OrdinalIgnoreCase) || relay.Length == 0 ? null : $"a:{relay}";
    }

    private static string RelayNote(IReadOnlyList<string> relays, IReadOnlyList<string> mechanisms)
    {
        if (relays.Count == 0)
        {
            return "No SMTP server is configured here (Mail:Transport is Pickup): \"mx\" allows your domain's mail servers; list the servers that really send your mail instead.";
        }

        var local = relays.Where(r => RelayMechanism(r) is null).ToList();
        var named = mechanisms.Count == 0 ? "" : $"{string.Join(" ", mechanisms)} allows the mail server configured in Mail:Smtp; if it is a provider (Microsoft 365, Google Workspace, SendGrid…), use the include: it documents instead. ";
        var passedOn = local.Count == 0 ? "" : $"Your mail server {string.Join(", ", local)} is on this machine and passes mail on: add the servers it sends through.";
        return (named + passedOn).Trim();
    }

    /// <summary>The tags of a DKIM or DMARC record (<c>k=v; k=v</c>), whitespace inside values removed as DNS tools split them.</summary>
    private static Dictionary<string, string> Tags(string record) => record
        .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(tag => tag.Split('=', 2))
        .Where(pair => pair.Length == 2)
        .GroupBy(pair => pair[0].Trim().ToLowerInvariant())
        .ToDictionary(group => group.Key, group => string.Concat(group.First()[1].Where(c => !char.IsWhiteSpace(c))));

    /// <summary>Whether the base64 in a DKIM record is the configured key, in either form DNS holds (SubjectPublicKeyInfo or a bare RSA key).</summary>
    private static bool SameRsaKey(string published, byte[] configured)
    {
        using var expected = RSA.Create();
        expected.ImportSubjectPublicKeyInfo(configured, out _);
        using var actual = RSA.Create();
        try
        {
            var bytes = Convert.FromBase64String(published);
            try
            {
                actual.ImportSubjectPublicKeyInfo(bytes, out _);
            }
            catch (CryptographicException)
            {
                actual.ImportRSAPublicKey(bytes, out _);
            }
        }
        catch (Exception exception) when (exception is FormatException or CryptographicException)
        {
            return false;
        }

        var (a, b) = (expected.ExportParameters(false), actual.ExportParameters(false));
        return a.Modulus.AsSpan().SequenceEqual(b.Modulus) && a.Exponent.AsSpan().SequenceEqual(b.Exponent);
    }
}
