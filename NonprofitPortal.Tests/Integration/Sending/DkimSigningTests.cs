using System.Security.Cryptography;
using System.Text.RegularExpressions;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Tests.Infrastructure;
using NonprofitPortal.Tests.Integration.Campaigns;
using NonprofitPortal.Tests.Integration.Nonprofits;

namespace NonprofitPortal.Tests.Integration.Sending;

/// <summary>Signed mail through the real host into smtp-sink, checked by python3-dkim rather than by our own code.</summary>
public sealed partial class DkimSigningTests
{
    private const string Domain = "dkim-test.example";
    private const string Selector = "portal2026";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_campaign_message_with_accents_a_cc_list_unsubscribe_and_a_verp_sender_passes_an_independent_dkim_check()
    {
        RealServer.Require(DkimVerifier.UnavailableReason is null, DkimVerifier.UnavailableReason ?? "");
        using var key = RSA.Create(2048);
        await using var sink = await SendingHosts.StartSinkAsync();
        await using var host = StartHost(sink, key, returnPathDomain: $"bounces.{Domain}");
        using var admin = await host.AdminClientAsync();
        await new NonprofitApi(admin).CreateAsync("École Bénévole de Montréal", $"ecole@{Domain}", "1 Rue de l'Été", "dkim");
        var api = new CampaignApi(admin);

        var launched = await api.LaunchToTagAsync("dkim", subject: "Nouvelles pour {{ nonprofit.name }} — été", cc: ["officer@foundation.test"]);
        var finished = await api.WaitUntilFinishedAsync(launched.CampaignId);

        Assert.Equal((CampaignStatus.Completed, 1), (finished.Status, finished.Sent));
        var message = sink.ReadMessages().OfCampaign(launched.CampaignId).Single();
        Assert.Equal([$"ecole@{Domain}", "officer@foundation.test"], message.Recipients);
        Assert.StartsWith("bounces+", message.Sender, StringComparison.Ordinal);
        Assert.Equal("Nouvelles pour École Bénévole de Montréal — été", MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(message.RawMessage)), Cancel).Subject);
        var signature = Tags(message.Header("DKIM-Signature"));
        Assert.Equal((Domain, Selector, "relaxed/relaxed", "rsa-sha256"), (signature["d"], signature["s"], signature["c"], signature["a"]));
        Assert.Equal("from:to:subject:date:message-id:list-unsubscribe:list-unsubscribe-post:mime-version:content-type", signature["h"]);
        var (verified, said) = await DkimVerifier.VerifyAsync(message.RawMessage, Selector, Domain, PublicKey(key));
        Assert.True(verified, said);

        Assert.Contains("News from", message.RawMessage);
        var (alteredVerified, _) = await DkimVerifier.VerifyAsync(message.RawMessage.Replace("News from", "Nows from", StringComparison.Ordinal), Selector, Domain, PublicKey(key));
        Assert.False(alteredVerified);
    }

    [Fact]
    public async Task Account_mail_is_signed_too()
    {
        RealServer.Require(DkimVerifier.UnavailableReason is null, DkimVerifier.UnavailableReason ?? "");
        using var key = RSA.Create(2048);
        await using var sink = await SendingHosts.StartSinkAsync();
        await using var host = StartHost(sink, key);
        await host.CreateUserAsync("signed.reset@portal.test", "Signed-Pass-1!", BuiltInRoles.Staff);
        using var session = new BrowserlessSession(host);

        await session.SubmitFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = "signed.reset@portal.test" });

        var message = await Eventually.GetAsync(() => sink.ReadMessages().FirstOrDefault(m => m.Recipients.Contains("signed.reset@portal.test")), "the reset mail to reach smtp-sink");
        var (verified, said) = await DkimVerifier.VerifyAsync(message.RawMessage, Selector, Domain, PublicKey(key));
        Assert.True(verified, said);
    }

    [Fact]
    public async Task Mail_from_a_domain_without_a_key_goes_out_unsigned()
    {
        using var key = RSA.Create(2048);
        await using var sink = await SendingHosts.StartSinkAsync();
        await using var host = StartHost(sink, key, from: "Portal Tests <portal@unsigned-test.example>");
        using var admin = await host.AdminClientAsync();
        await new NonprofitApi(admin).CreateAsync("Unsigned Trust", "trust@unsigned-test.example", "2 Road", "unsigned");
        var api = new CampaignApi(admin);

        var launched = await api.LaunchToTagAsync("unsigned");
        await api.WaitUntilFinishedAsync(launched.CampaignId);

        var message = sink.ReadMessages().OfCampaign(launched.CampaignId).Single();
        Assert.Null(message.Header("DKIM-Signature"));
    }

    [Fact]
    public async Task A_dkim_key_that_cannot_be_read_stops_startup_naming_the_key()
    {
        await using var host = new PortalHost(new Dictionary<string, string?>
        {
            ["Mail:Dkim:Keys:0:Domain"] = Domain,
            ["Mail:Dkim:Keys:0:Selector"] = Selector,
            ["Mail:Dkim:Keys:0:PrivateKeyPath"] = "/nonexistent/dkim.pem",
        });

        var error = Assert.ThrowsAny<Exception>(() => host.StartServer());

        Assert.Contains("Mail:Dkim:Keys:0:PrivateKeyPath (/nonexistent/dkim.pem) cannot be read", error.ToString());
    }

    private static PortalHost StartHost(SmtpSink sink, RSA key, string from = $"Fondation Été <grants@{Domain}>", string? returnPathDomain = null)
    {
        var settings = SendingHosts.Settings(sink);
        settings["Bounces:ReturnPathDomain"] = returnPathDomain;
        settings["Mail:From"] = from;
        settings["Mail:Dkim:Keys:0:Domain"] = Domain;
        settings["Mail:Dkim:Keys:0:Selector"] = Selector;
        settings["Mail:Dkim:Keys:0:PrivateKey"] = key.ExportPkcs8PrivateKeyPem();
        var host = new PortalHost(settings);
        host.StartServer();
        return host;
    }

    private static string PublicKey(RSA key) => Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());

    /// <summary>The tags of a DKIM-Signature header (<c>d=…; s=…</c>), folding whitespace removed.</summary>
    private static Dictionary<string, string> Tags(string? header)
    {
        Assert.NotNull(header);
        return WhiteSpace().Replace(header, "").Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(tag => tag.Split('=', 2))
            .ToDictionary(tag => tag[0], tag => tag[1], StringComparer.Ordinal);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
