using System.Net;
using NonprofitPortal.Features.Sending.DomainCheck;

namespace NonprofitPortal.Tests.Features.Sending.DomainCheck;

public sealed class DnsOptionsValidatorTests
{
    [Fact]
    public void Addresses_with_and_without_a_port_are_accepted_and_port_53_is_the_default()
    {
        var options = new DnsOptions { DnsServers = ["10.0.0.2", "127.0.0.1:5353", "[::1]:53"] };

        var result = new DnsOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Equal([new IPEndPoint(IPAddress.Parse("10.0.0.2"), 53), new IPEndPoint(IPAddress.Loopback, 5353), new IPEndPoint(IPAddress.IPv6Loopback, 53)], options.Endpoints());
    }

    [Fact]
    public void A_host_name_is_refused_naming_the_key()
    {
        var result = new DnsOptionsValidator().Validate(null, new DnsOptions { DnsServers = ["10.0.0.2", "dns.example"] });

        Assert.Contains("Mail:DnsServers:1 'dns.example' must be a resolver's IP address", result.FailureMessage);
    }
}
