using System.Net.Sockets;
using DnsClient;
using DnsClient.Protocol;
using Microsoft.Extensions.Options;
using MimeKit;
using NonprofitPortal.Features.Sending.Dkim;

namespace NonprofitPortal.Features.Sending.DomainCheck;

/// <summary>
/// Looks up a sender domain's SPF, DKIM, DMARC and return-path records (through the resolvers
/// of <c>Mail:DnsServers</c>) and says what each means; <see cref="SenderDomainRules"/> decides.
/// </summary>
public sealed class SenderDomainCheck(
    ILookupClient dns,
    IOptions<MailOptions> mailOptions,
    IOptions<DkimOptions> dkimOptions,
    IConfiguration configuration,
    IHostEnvironment environment,
    ILogger<SenderDomainCheck> logger)
{
    /// <summary>Read by key: the bounce settings belong to another feature.</summary>
    public const string ReturnPathDomainKey = "Bounces:ReturnPathDomain";

    /// <summary>The From address's domain: what the check looks at unless told otherwise.</summary>
    public string DefaultDomain => MailboxAddress.Parse(mailOptions.Value.From).Domain;

    /// <summary>No cache: an admin who has just published a record wants to see it.</summary>
    public static LookupClient CreateLookupClient(DnsOptions options)
    {
        var servers = options.Endpoints().OfType<System.Net.IPEndPoint>().ToArray();
        var settings = servers.Length > 0 ? new LookupClientOptions(servers) : new LookupClientOptions();
        settings.UseCache = false;
        settings.Timeout = TimeSpan.FromSeconds(3);
        settings.Retries = 1;
        return new LookupClient(settings);
    }

    public async Task<OperationResult<DomainReport>> CheckAsync(string? domain, CancellationToken cancellationToken)
    {
        var name = string.IsNullOrWhiteSpace(domain) ? DefaultDomain : domain.Trim().TrimEnd('.').ToLowerInvariant();
        if (Uri.CheckHostName(name) != UriHostNameType.Dns || !name.Contains('.', StringComparison.Ordinal))
        {
            return OperationResult<DomainReport>.From(OperationResult.Invalid("domain", $"\"{name}\" is not a domain name; enter one such as foundation.example."));
        }

        var key = ConfiguredKey(name);
        var returnPathDomain = configuration[ReturnPathDomainKey]?.Trim();
        var spf = TxtAsync(name, cancellationToken);
        var dkim = key is null ? Task.FromResult(DnsAnswer.None) : TxtAsync($"{key.Selector}._domainkey.{name}", cancellationToken);
        var dmarc = TxtAsync($"_dmarc.{name}", cancellationToken);
        var hasReturnPath = !string.IsNullOrEmpty(returnPathDomain);
        var mx = hasReturnPath ? LookupAsync(returnPathDomain!, QueryType.MX, r => r.MxRecords().Select(m => $"{m.Preference} {m.Exchange.Value.TrimEnd('.')}"), cancellationToken) : Task.FromResult(DnsAnswer.None);
        var addresses = hasReturnPath ? AddressesAsync(returnPathDomain!, cancellationToken) : Task.FromResult(DnsAnswer.None);

        return OperationResult<DomainReport>.Ok(new DomainReport(
            name,
            SenderDomainRules.Spf(name, await spf, Relays()),
            SenderDomainRules.Dkim(name, key, await dkim),
            SenderDomainRules.Dmarc(name, await dmarc),
            SenderDomainRules.ReturnPath(name, returnPathDomain, await mx, await addresses)));
    }

    private Task<DnsAnswer> TxtAsync(string name, CancellationToken cancellationToken) =>
        // A TXT record may be split into strings of 255 characters: they make one value (RFC 7208, 6376).
        LookupAsync(name, QueryType.TXT, r => r.TxtRecords().Select(txt => string.Concat(txt.Text)), cancellationToken);

    private async Task<DnsAnswer> AddressesAsync(string name, CancellationToken cancellationToken)
    {
        var (v4, v6) = (LookupAsync(name, QueryType.A, r => r.ARecords().Select(a => a.Address.ToString()), cancellationToken),
            LookupAsync(name, QueryType.AAAA, r => r.AaaaRecords().Select(a => a.Address.ToString()), cancellationToken));
        var (a, aaaa) = (await v4, await v6);
        return (a.Error ?? aaaa.Error) is { } error ? DnsAnswer.Failed(error) : new DnsAnswer([.. a.Records, .. aaaa.Records]);
    }

    private async Task<DnsAnswer> LookupAsync(
        string name, QueryType type, Func<IEnumerable<DnsResourceRecord>, IEnumerable<string>> read, CancellationToken cancellationToken)
    {
        try
        {
            var response = await dns.QueryAsync(name, type, QueryClass.IN, cancellationToken);
            if (response.Header.ResponseCode is not (DnsHeaderResponseCode.NoError or DnsHeaderResponseCode.NotExistentDomain))
            {
                return DnsAnswer.Failed($"{response.NameServer} answered {response.ErrorMessage}");
            }

            return new DnsAnswer(read(response.Answers).ToList());
        }
        catch (Exception exception) when (exception is DnsResponseException or SocketException)
        {
            logger.LogWarning("Looking up {Type} {Name} for the sender-domain check failed: {Error}", type, name, exception.Message);
            return DnsAnswer.Failed(exception.Message);
        }
    }

    private ConfiguredDkimKey? ConfiguredKey(string domain)
    {
        var keys = dkimOptions.Value.Keys;
        var index = keys.FindIndex(k => k.Domain.Trim().Equals(domain, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            return null;
        }

        var name = $"{DkimOptions.Section}:Keys:{index}";
        var (rsa, problem) = DkimKeys.Load(name, keys[index], environment.ContentRootPath);
        using (rsa)
        {
            return new ConfiguredDkimKey(name, keys[index].Selector.Trim(), rsa?.ExportSubjectPublicKeyInfo() ?? throw new InvalidOperationException(problem));
        }
    }

    /// <summary>The hosts of the SMTP servers mail leaves through; none for the pickup folder.</summary>
    private List<string> Relays() => mailOptions.Value.Transport == MailTransportKind.Smtp
        ? mailOptions.Value.Smtp.EffectiveServers(defaultConnections: 1).Select(s => s.Host.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList()
        : [];
}
