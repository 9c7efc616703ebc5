using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using NonprofitPortal.Tests.Infrastructure;
using NonprofitPortal.Tests.Integration.Campaigns;

namespace NonprofitPortal.Tests.Integration.Operations;

/// <summary><c>/health/ready</c> probes the SMTP servers when the transport is Smtp, even when nothing is being sent.</summary>
public sealed class SmtpHealthTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ready_when_the_smtp_server_answers()
    {
        await using var sink = await SendingHosts.StartSinkAsync();
        await using var host = new PortalHost(SendingHosts.Settings(sink));
        using var client = host.CreateClient();

        var response = await client.GetAsync("/health/ready", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task Not_ready_when_nothing_listens_on_the_smtp_port_while_live_stays_up()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Mail:Transport"] = "Smtp",
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = ClosedPort().ToString(CultureInfo.InvariantCulture),
        };
        await using var host = new PortalHost(settings);
        using var client = host.CreateClient();

        var ready = await client.GetAsync("/health/ready", Cancel);
        var live = await client.GetAsync("/health/live", Cancel);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task The_pickup_transport_is_not_probed()
    {
        await using var host = new PortalHost();
        using var client = host.CreateClient();

        var response = await client.GetAsync("/health/ready", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checks = host.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations.Select(r => r.Name);
        Assert.DoesNotContain("smtp reachable", checks);
    }

    /// <summary>A port that was free a moment ago: connecting to it is refused.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
