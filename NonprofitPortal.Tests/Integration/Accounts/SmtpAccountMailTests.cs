using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Tests.Infrastructure;

namespace NonprofitPortal.Tests.Integration.Accounts;

public sealed class SmtpAccountMailTests
{
    [Fact]
    public async Task A_password_reset_link_goes_out_through_a_real_smtp_server()
    {
        RealServer.Require(SmtpSink.IsAvailable, $"Postfix's smtp-sink is needed: {SmtpSink.UnavailableReason}");
        await using var sink = await SmtpSink.StartAsync(ct: TestContext.Current.CancellationToken);
        await using var host = new PortalHost(new Dictionary<string, string?>
        {
            ["Mail:Transport"] = "Smtp",
            ["Mail:Smtp:Host"] = sink.Host,
            ["Mail:Smtp:Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await host.CreateUserAsync("smtp.reset@portal.test", "Old-Pass-1!", BuiltInRoles.Staff);
        using var session = new BrowserlessSession(host);

        await session.SubmitFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = "smtp.reset@portal.test" });

        var message = await Eventually.GetAsync(
            () => sink.ReadMessages().FirstOrDefault(m => m.Recipients.Contains("smtp.reset@portal.test")),
            "the reset mail to reach smtp-sink");
        Assert.Equal("portal@portal.test", message.Sender);
        Assert.Equal("Reset your NonprofitPortal password", message.Subject);
        Assert.Contains("Account/ResetPassword?code=", MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(message.RawMessage)), TestContext.Current.CancellationToken).HtmlBody);
    }
}
