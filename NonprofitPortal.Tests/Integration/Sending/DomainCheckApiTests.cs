using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Sending.DomainCheck;
using NonprofitPortal.Tests.Infrastructure;

namespace NonprofitPortal.Tests.Integration.Sending;

/// <summary><c>GET /api/mail/domain-check</c> through the real host against a real DNS server (dnsmasq).</summary>
[Collection(SenderDomainHostCollection.Name)]
public sealed class DomainCheckApiTests(SenderDomainHost fixture, DnsServer dns)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_domain_set_up_right_passes_every_check_with_its_records()
    {
        var report = await CheckAsync($"?domain={SenderDomains.Right}");

        Assert.Equal(SenderDomains.Right, report.Domain);
        Assert.Equal(new RecordCheck(true, SenderDomains.RightSpf, true, report.Spf.Advice), report.Spf);
        Assert.Equal($"v=DKIM1; k=rsa; p={SenderDomains.PublicKey(SenderDomains.Key)}", report.Dkim.Record);
        Assert.True(report.Dkim.Ok, report.Dkim.Advice);
        Assert.Contains("matches Mail:Dkim:Keys:0", report.Dkim.Advice);
        Assert.Equal(new RecordCheck(true, SenderDomains.RightDmarc, true, report.Dmarc.Advice), report.Dmarc);
        Assert.Equal(new RecordCheck(true, $"10 mx.{SenderDomains.Right}", true, report.ReturnPath.Advice), report.ReturnPath);
    }

    [Fact]
    public async Task A_domain_set_up_wrong_fails_each_check_saying_what_to_publish()
    {
        var report = await CheckAsync($"?domain={SenderDomains.Wrong}");

        Assert.Equal((true, false), (report.Spf.Found, report.Spf.Ok));
        Assert.Contains("has 2 SPF records", report.Spf.Advice);
        Assert.Matches("one TXT record: \"v=spf1 (a mx|mx a) ~all\"", report.Spf.Advice); // DNS returns the two records in either order
        Assert.Equal((true, false), (report.Dkim.Found, report.Dkim.Ok));
        Assert.Contains("a different public key from the one configured in Mail:Dkim:Keys:1", report.Dkim.Advice);
        Assert.Contains($"\"v=DKIM1; k=rsa; p={SenderDomains.PublicKey(SenderDomains.Key)}\"", report.Dkim.Advice);
        Assert.Equal(new RecordCheck(false, null, false, report.Dmarc.Advice), report.Dmarc);
        Assert.Contains($"_dmarc.{SenderDomains.Wrong}: \"v=DMARC1; p=none; rua=mailto:dmarc-reports@{SenderDomains.Wrong}\"", report.Dmarc.Advice);
        Assert.Contains("p=quarantine", report.Dmarc.Advice);
    }

    [Fact]
    public async Task A_domain_with_nothing_published_gets_the_records_to_publish_naming_the_relay()
    {
        var report = await CheckAsync($"?domain=nothing.{SenderDomains.Right}");

        Assert.Equal(new RecordCheck(false, null, false, report.Spf.Advice), report.Spf);
        Assert.Contains($"\"v=spf1 a:{SenderDomainHost.Relay} ~all\"", report.Spf.Advice);
        Assert.Contains("No DKIM key is configured for nothing.right-sender.test", report.Dkim.Advice);
        Assert.False(report.Dmarc.Found);
    }

    [Fact]
    public async Task Without_a_domain_the_from_address_domain_is_checked_and_the_json_has_the_contract_names()
    {
        using var admin = await fixture.Host.AdminClientAsync();

        using var json = JsonDocument.Parse(await admin.GetStringAsync("/api/mail/domain-check", Cancel));

        Assert.Equal(SenderDomains.Right, json.RootElement.GetProperty("domain").GetString());
        Assert.Equal(["dkim", "dmarc", "domain", "returnPath", "spf"], json.RootElement.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(["advice", "found", "ok", "record"], json.RootElement.GetProperty("spf").EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task A_failed_lookup_says_so_instead_of_calling_the_records_missing()
    {
        // dnsmasq refuses names outside its zone: it has no upstream servers.
        var report = await CheckAsync("?domain=elsewhere.example");

        Assert.Contains("The DNS lookup of elsewhere.example failed", report.Spf.Advice);
        Assert.Contains("Mail:DnsServers", report.Dmarc.Advice);
    }

    [Fact]
    public async Task Something_that_is_not_a_domain_is_refused_with_400()
    {
        using var admin = await fixture.Host.AdminClientAsync();

        var response = await admin.GetAsync("/api/mail/domain-check?domain=not%20a%20domain", Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("is not a domain name", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task Staff_are_refused_with_403()
    {
        await fixture.Host.CreateUserAsync("domain.staff@portal.test", "Domain-Staff-1!", BuiltInRoles.Staff);
        using var staff = await fixture.Host.ClientWithTokenAsync("domain.staff@portal.test", "Domain-Staff-1!");

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/mail/domain-check", Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_return_path_domain_without_mx_or_address_is_reported_lost()
    {
        var settings = SenderDomainHost.Settings(dns);
        settings["Bounces:ReturnPathDomain"] = SenderDomains.LostReturnPath;
        await using var host = new PortalHost(settings);
        using var admin = await host.AdminClientAsync();

        var report = (await admin.GetFromJsonAsync<DomainReport>("/api/mail/domain-check", Cancel))!;

        Assert.Equal((false, false), (report.ReturnPath.Found, report.ReturnPath.Ok));
        Assert.Contains($"{SenderDomains.LostReturnPath} (Bounces:ReturnPathDomain) has no MX or address record", report.ReturnPath.Advice);
    }

    private async Task<DomainReport> CheckAsync(string query)
    {
        using var admin = await fixture.Host.AdminClientAsync();
        var response = await admin.GetAsync($"/api/mail/domain-check{query}", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<DomainReport>(Cancel))!;
    }
}
