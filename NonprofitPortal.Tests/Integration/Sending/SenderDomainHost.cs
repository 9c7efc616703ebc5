using NonprofitPortal.Tests.Infrastructure;

namespace NonprofitPortal.Tests.Integration.Sending;

/// <summary>
/// One real host whose sender-domain check asks the run's dnsmasq (<see cref="DnsServer"/>): mail
/// from <see cref="SenderDomains.Right"/>, the same DKIM key configured for both test domains, and
/// bounces to <see cref="SenderDomains.ReturnPath"/>.
/// </summary>
public sealed class SenderDomainHost(DnsServer dns) : IAsyncLifetime
{
    public const string Relay = "smtp.right-sender.test";
    private PortalHost? _host;

    public PortalHost Host
    {
        get
        {
            RealServer.Require(_host is not null, $"dnsmasq is needed: {dns.UnavailableReason}");
            return _host;
        }
    }

    public static Dictionary<string, string?> Settings(DnsServer dns) => new()
    {
        ["Mail:From"] = $"Right Sender <grants@{SenderDomains.Right}>",
        ["Mail:Transport"] = "Smtp",
        ["Mail:Smtp:Host"] = Relay,
        ["Mail:DnsServers:0"] = dns.Address,
        ["Mail:Dkim:Keys:0:Domain"] = SenderDomains.Right,
        ["Mail:Dkim:Keys:0:Selector"] = SenderDomains.Selector,
        ["Mail:Dkim:Keys:0:PrivateKey"] = SenderDomains.Key.ExportPkcs8PrivateKeyPem(),
        ["Mail:Dkim:Keys:1:Domain"] = SenderDomains.Wrong,
        ["Mail:Dkim:Keys:1:Selector"] = SenderDomains.Selector,
        ["Mail:Dkim:Keys:1:PrivateKey"] = SenderDomains.Key.ExportPkcs8PrivateKeyPem(),
        ["Bounces:ReturnPathDomain"] = SenderDomains.ReturnPath,
    };

    public ValueTask InitializeAsync()
    {
        if (dns.IsAvailable)
        {
            _host = new PortalHost(Settings(dns));
            _host.StartServer();
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
