using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Campaigns.Tokens;

namespace NonprofitPortal.Tests.Integration.Campaigns;

/// <summary>Unsubscribe links through the real host: today's send tokens, and the Data Protection links already in sent mail.</summary>
[Collection(SqliteHostCollection.Name)]
public sealed class UnsubscribeLinkTests(SqliteHost fixture)
{
    private readonly PortalHost _host = fixture.Host;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_link_in_mail_sent_before_the_send_tokens_still_opts_the_nonprofit_out()
    {
        var sends = await SentCampaignAsync("legacy-links");
        var legacyLink = $"/unsubscribe/{LegacyToken(sends["legacy-links-0@legacy-links.example"])}";
        using var anonymous = _host.CreateClient();

        var page = await anonymous.GetAsync(legacyLink, Cancel);
        var pageText = await page.Content.ReadAsStringAsync(Cancel);
        var unsubscribed = await anonymous.PostAsync(legacyLink, OneClick(), Cancel);
        var optedOut = await OptedOutAsync(sends);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("legacy-links-0@legacy-links.example", pageText);
        Assert.Equal(HttpStatusCode.OK, unsubscribed.StatusCode);
        Assert.Equal([true, false], optedOut);
    }

    [Fact]
    public async Task The_link_in_a_message_sent_now_is_a_short_send_token_that_opts_the_nonprofit_out()
    {
        var sends = await SentCampaignAsync("new-links");
        var link = new Uri(MailTo("new-links-1@new-links.example").Headers[HeaderId.ListUnsubscribe]!.Trim().Trim('<', '>')).AbsolutePath;
        using var anonymous = _host.CreateClient();

        var unsubscribed = await anonymous.PostAsync(link, OneClick(), Cancel);
        var optedOut = await OptedOutAsync(sends);

        Assert.Matches("^/unsubscribe/[a-z2-7]{28,39}$", link);
        Assert.Equal(HttpStatusCode.OK, unsubscribed.StatusCode);
        Assert.Equal([false, true], optedOut);
    }

    [Fact]
    public async Task Forged_links_of_either_form_are_not_found_and_change_nothing()
    {
        var sends = await SentCampaignAsync("forged-links");
        var sendId = sends["forged-links-0@forged-links.example"];
        var tokens = _host.Services.GetRequiredService<SendTokens>();
        var genuine = tokens.Create(SendTokenPurpose.Unsubscribe, sendId);
        var forgeries = new[]
        {
            new SendTokens(RandomNumberGenerator.GetBytes(32)).Create(SendTokenPurpose.Unsubscribe, sendId),
            tokens.Create(SendTokenPurpose.ReturnPath, sendId),
            genuine[..10] + (genuine[10] == 'a' ? 'b' : 'a') + genuine[11..],
            LegacyToken(sendId, "NonprofitPortal.Unsubscribe.v2"),
            WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(90)),
        };
        using var anonymous = _host.CreateClient();

        var statuses = new List<HttpStatusCode>();
        foreach (var forged in forgeries)
        {
            statuses.Add((await anonymous.PostAsync($"/unsubscribe/{forged}", OneClick(), Cancel)).StatusCode);
        }

        var optedOut = await OptedOutAsync(sends);

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.NotFound, status));
        Assert.Equal([false, false], optedOut);
    }

    /// <summary>A link as mail carried it before the send tokens: the id, big-endian, protected with Data Protection, in base64url.</summary>
    private string LegacyToken(long sendId, string purpose = "NonprofitPortal.Unsubscribe.v1")
    {
        var id = new byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(id, sendId);
        var protector = _host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose);
        return WebEncoders.Base64UrlEncode(protector.Protect(id));
    }

    /// <summary>A campaign sent to two new nonprofits tagged <paramref name="tag"/>: their sends by email.</summary>
    private async Task<Dictionary<string, long>> SentCampaignAsync(string tag)
    {
        var api = new CampaignApi(await _host.AdminClientAsync());
        await api.ImportRecipientsAsync(tag, 2);
        var launched = await api.LaunchToTagAsync(tag);
        await api.WaitUntilFinishedAsync(launched.CampaignId);
        await using var db = await Database();
        return await db.EmailSends.Where(s => s.CampaignId == launched.CampaignId).OrderBy(s => s.Email).ToDictionaryAsync(s => s.Email, s => s.Id, Cancel);
    }

    private MimeMessage MailTo(string email) =>
        Directory.GetFiles(_host.PickupDirectory, "*.eml")
            .Select(path => MimeMessage.Load(path, Cancel))
            .Single(message => message.To.Mailboxes.Any(m => m.Address == email));

    /// <summary>Whether each nonprofit of <paramref name="sends"/> has opted out, in the order of their emails.</summary>
    private async Task<bool[]> OptedOutAsync(Dictionary<string, long> sends)
    {
        await using var db = await Database();
        var emails = sends.Keys.Order().ToList();
        var optedOut = await db.Nonprofits.Where(n => emails.Contains(n.Email)).ToDictionaryAsync(n => n.Email, n => n.OptedOutAt != null, Cancel);
        return emails.Select(email => optedOut[email]).ToArray();
    }

    private static FormUrlEncodedContent OneClick() => new([new("List-Unsubscribe", "One-Click")]);

    private Task<AppDbContext> Database() =>
        _host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Cancel);
}
