using MimeKit;
using NonprofitPortal.Features.Sending;
using NonprofitPortal.Features.Sending.Queue;

namespace NonprofitPortal.Tests.Integration.Sending;

[Collection(SqliteHostCollection.Name)]
public sealed class CampaignMessagesTests(SqliteHost fixture)
{
    private readonly CampaignMessages _messages = fixture.Host.Services.GetRequiredService<CampaignMessages>();

    [Fact]
    public void Plain_ascii_goes_as_7bit_and_accented_text_as_quoted_printable_utf8_both_reading_back_as_rendered()
    {
        var plain = Composed("<p>Dear {{ nonprofit.name }},</p>", "Harbour Trust");
        var accented = Composed("<p>Chère {{ nonprofit.name }},</p>", "Café Zoë");

        Assert.All(plain.BodyParts.OfType<TextPart>(), part => Assert.Equal((ContentEncoding.SevenBit, "us-ascii"), (part.ContentTransferEncoding, part.ContentType.Charset)));
        Assert.All(accented.BodyParts.OfType<TextPart>(), part => Assert.Equal((ContentEncoding.QuotedPrintable, "utf-8"), (part.ContentTransferEncoding, part.ContentType.Charset)));
        Assert.Equal("<p>Dear Harbour Trust,</p>", plain.HtmlBody?.Trim());
        Assert.Equal("<p>Chère Café Zoë,</p>", accented.HtmlBody?.Trim());
        Assert.Equal("Chère Café Zoë,", accented.TextBody?.Trim());
    }

    [Fact]
    public void A_line_longer_than_smtp_allows_is_encoded_rather_than_sent_as_is()
    {
        var longWord = new string('x', 1200);

        var message = Composed($"<p>{longWord}</p>", "Harbour Trust");

        var html = message.BodyParts.OfType<TextPart>().Single(part => part.IsHtml);
        Assert.Equal(ContentEncoding.QuotedPrintable, html.ContentTransferEncoding);
        Assert.Equal($"<p>{longWord}</p>", message.HtmlBody?.Trim());
    }

    /// <summary>Composed, written as it goes on the wire, and parsed back.</summary>
    private MimeMessage Composed(string body, string name)
    {
        var content = new CampaignContent(1, "News for {{ nonprofit.name }}", body, [], "Grace Officer", "grace@foundation.test");
        var send = new ClaimedSend(7, 1, 7, "trust@harbour.example", name, "1 Quay Street", "", 1, null);
        var (message, errors) = _messages.Compose(content, send, TestContext.Current.CancellationToken);
        Assert.Empty(errors);
        using var wire = new MemoryStream();
        message!.WriteTo(wire, TestContext.Current.CancellationToken);
        wire.Position = 0;
        return MimeMessage.Load(wire, TestContext.Current.CancellationToken);
    }
}
