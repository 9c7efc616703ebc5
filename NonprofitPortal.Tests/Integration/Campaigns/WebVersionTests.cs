using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using MimeKit;
using NonprofitPortal.Features.Campaigns.Tokens;
using NonprofitPortal.Tests.Infrastructure;
using NonprofitPortal.Tests.Integration.Nonprofits;

namespace NonprofitPortal.Tests.Integration.Campaigns;

[Collection(SqliteHostCollection.Name)]
public sealed partial class WebVersionTests(SqliteHost fixture)
{
    private PortalHost Host => fixture.Host;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_web_version_link_shows_the_recipients_message_as_sent_without_signing_in()
    {
        using var admin = await Host.AdminClientAsync();
        var nonprofit = await new NonprofitApi(admin).CreateAsync("Web Version Trust & Co", "trust@web-version.org", "3 Web Lane", "webversion");
        var launched = await admin.PostAsJsonAsync("/api/campaigns", new
        {
            subject = "Seen on the web, {{ nonprofit.name }}",
            body = "<p>Dear {{ nonprofit.name }}, tagged {{ nonprofit.tags | array.join ', ' }}, on {{ today }}.</p>",
            recipients = new { ids = new[] { nonprofit.Id } },
            useLayout = true,
        }, Cancel);
        Assert.Equal(HttpStatusCode.Accepted, launched.StatusCode);

        var message = await Eventually.GetAsync(
            () => Directory.Exists(Host.PickupDirectory)
                ? Directory.GetFiles(Host.PickupDirectory, "*.eml").Select(path => MimeMessage.Load(path)).FirstOrDefault(m => m.To.Mailboxes.Any(a => a.Address == "trust@web-version.org"))
                : null,
            "the campaign's message in the pickup folder");
        var link = WebVersionLink().Match(message.HtmlBody ?? "");
        Assert.True(link.Success, "The default layout links to the web version.");
        using var anonymous = Host.CreateClient();

        var page = await anonymous.GetAsync(new Uri(link.Groups["url"].Value).PathAndQuery, Cancel);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal(message.HtmlBody, await page.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("Dear Web Version Trust &amp; Co, tagged webversion", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_or_borrowed_token_opens_no_message()
    {
        var tokens = Host.Services.GetRequiredService<SendTokens>();
        using var anonymous = Host.CreateClient();

        var unsubscribeToken = await anonymous.GetAsync($"/email/{tokens.Create(SendTokenPurpose.Unsubscribe, 1)}", Cancel);
        var madeUp = await anonymous.GetAsync("/email/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", Cancel);
        var preview = await anonymous.GetAsync("/email/preview", Cancel);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (unsubscribeToken.StatusCode, madeUp.StatusCode, preview.StatusCode));
        Assert.Contains("preview", await preview.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [GeneratedRegex("<a href=\"(?<url>[^\"]+/email/[^\"]+)\"[^>]*>View this email in your browser</a>")]
    private static partial Regex WebVersionLink();
}
