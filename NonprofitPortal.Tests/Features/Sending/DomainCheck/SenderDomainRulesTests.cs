using System.Security.Cryptography;
using NonprofitPortal.Features.Sending.DomainCheck;

namespace NonprofitPortal.Tests.Features.Sending.DomainCheck;

public sealed class SenderDomainRulesTests
{
    private const string Domain = "foundation.example";
    private static readonly RSA Key = RSA.Create(2048);
    private static readonly ConfiguredDkimKey Configured = new("Mail:Dkim:Keys:0", "s1", Key.ExportSubjectPublicKeyInfo());

    [Fact]
    public void Without_spf_the_advice_is_a_record_allowing_the_configured_relays()
    {
        var check = SenderDomainRules.Spf(Domain, Answer("google-site-verification=abc"), ["smtp.relay.example", "192.0.2.7"]);

        Assert.Equal((false, false, null), (check.Found, check.Ok, check.Record));
        Assert.Contains($"TXT record at {Domain}: \"v=spf1 a:smtp.relay.example ip4:192.0.2.7 ~all\"", check.Advice);
    }

    [Fact]
    public void Without_spf_or_a_relay_elsewhere_the_advice_says_to_list_the_real_senders()
    {
        var pickup = SenderDomainRules.Spf(Domain, DnsAnswer.None, []);
        var local = SenderDomainRules.Spf(Domain, DnsAnswer.None, ["127.0.0.1"]);

        Assert.Contains("\"v=spf1 mx ~all\"", pickup.Advice);
        Assert.Contains("Mail:Transport is Pickup", pickup.Advice);
        Assert.Contains("127.0.0.1 is on this machine and passes mail on", local.Advice);
    }

    [Theory]
    [InlineData("v=spf1 a ?all", "ends in \"?all\"", "\"v=spf1 a ~all\"")]
    [InlineData("v=spf1 a +all", "ends in \"+all\"", "\"v=spf1 a ~all\"")]
    [InlineData("v=spf1 include:relay.example", "has no \"all\" at the end", "\"v=spf1 include:relay.example ~all\"")]
    public void An_spf_record_that_does_not_shut_out_other_servers_is_not_ok(string record, string why, string fixedRecord)
    {
        var check = SenderDomainRules.Spf(Domain, Answer(record), []);

        Assert.Equal((true, false, record), (check.Found, check.Ok, check.Record));
        Assert.Contains(why, check.Advice);
        Assert.Contains(fixedRecord, check.Advice);
    }

    [Fact]
    public void An_spf_record_ending_in_all_is_ok_and_a_relay_it_does_not_name_is_mentioned()
    {
        var named = SenderDomainRules.Spf(Domain, Answer("v=spf1 a:smtp.relay.example -all"), ["smtp.relay.example"]);
        var unnamed = SenderDomainRules.Spf(Domain, Answer("v=spf1 include:_spf.provider.example ~all"), ["smtp.relay.example"]);

        Assert.True(named.Ok);
        Assert.DoesNotContain("does not name", named.Advice);
        Assert.True(unnamed.Ok);
        Assert.Contains("does not name your mail server smtp.relay.example", unnamed.Advice);
    }

    [Fact]
    public void Without_a_configured_key_dkim_says_how_to_make_one()
    {
        var check = SenderDomainRules.Dkim(Domain, null, DnsAnswer.None);

        Assert.Equal((false, false), (check.Found, check.Ok));
        Assert.Contains("rsa_keygen_bits:2048", check.Advice);
        Assert.Contains("Mail:Dkim:Keys:N", check.Advice);
    }

    [Fact]
    public void A_missing_dkim_record_comes_with_the_exact_record_to_publish()
    {
        var check = SenderDomainRules.Dkim(Domain, Configured, DnsAnswer.None);

        Assert.Contains($"TXT record at s1._domainkey.{Domain}: \"v=DKIM1; k=rsa; p={Convert.ToBase64String(Key.ExportSubjectPublicKeyInfo())}\"", check.Advice);
    }

    [Fact]
    public void A_dkim_record_holding_the_key_as_a_bare_rsa_key_and_split_by_whitespace_matches()
    {
        var bare = Convert.ToBase64String(Key.ExportRSAPublicKey());

        var check = SenderDomainRules.Dkim(Domain, Configured, Answer($"v=DKIM1; k=rsa; p={bare[..100]} {bare[100..]}"));

        Assert.True(check.Ok, check.Advice);
    }

    [Theory]
    [InlineData("v=DKIM1; k=rsa; p=", "revokes its key")]
    [InlineData("v=DKIM1; k=rsa; p=bm90IGEga2V5", "a different public key")]
    public void A_revoked_or_unreadable_dkim_key_is_not_ok(string record, string said)
    {
        var check = SenderDomainRules.Dkim(Domain, Configured, Answer(record));

        Assert.Equal((true, false), (check.Found, check.Ok));
        Assert.Contains(said, check.Advice);
    }

    [Theory]
    [InlineData("v=DMARC1; p=none; rua=mailto:d@foundation.example", true, "move to p=quarantine")]
    [InlineData("v=DMARC1; p=quarantine", true, "Add rua=mailto:dmarc-reports@foundation.example")]
    [InlineData("v=DMARC1; p=reject; rua=mailto:d@foundation.example", true, "strictest")]
    [InlineData("v=DMARC1; rua=mailto:d@foundation.example", false, "no valid policy")]
    public void A_dmarc_record_is_read_by_its_policy(string record, bool ok, string said)
    {
        var check = SenderDomainRules.Dmarc(Domain, Answer(record));

        Assert.Equal((true, ok), (check.Found, check.Ok));
        Assert.Contains(said, check.Advice);
    }

    [Fact]
    public void Two_dmarc_records_are_not_ok()
    {
        var check = SenderDomainRules.Dmarc(Domain, Answer("v=DMARC1; p=none", "v=DMARC1; p=reject"));

        Assert.False(check.Ok);
        Assert.Contains("has 2 DMARC records", check.Advice);
    }

    [Fact]
    public void An_unset_return_path_is_not_configured_with_advice()
    {
        var check = SenderDomainRules.ReturnPath(Domain, null, DnsAnswer.None, DnsAnswer.None);

        Assert.Equal(new RecordCheck(false, null, false, check.Advice), check);
        Assert.StartsWith("Not configured", check.Advice);
        Assert.Contains($"Bounces:ReturnPathDomain to a domain whose MX receives the bounce mailbox the portal reads, e.g. bounces.{Domain}", check.Advice);
    }

    [Fact]
    public void A_return_path_with_only_an_address_is_ok_and_one_outside_the_domain_is_flagged_for_dmarc()
    {
        var check = SenderDomainRules.ReturnPath(Domain, "bounces.elsewhere.example", DnsAnswer.None, Answer("192.0.2.9"));

        Assert.Equal((true, true, "192.0.2.9"), (check.Found, check.Ok, check.Record));
        Assert.Contains("has no MX record", check.Advice);
        Assert.Contains("does not count towards foundation.example's DMARC", check.Advice);
    }

    [Fact]
    public void A_failed_lookup_is_reported_as_such()
    {
        var check = SenderDomainRules.Dmarc(Domain, DnsAnswer.Failed("connection timed out"));

        Assert.Equal((false, false), (check.Found, check.Ok));
        Assert.Contains($"The DNS lookup of _dmarc.{Domain} failed (connection timed out)", check.Advice);
    }

    private static DnsAnswer Answer(params string[] records) => new(records);
}
