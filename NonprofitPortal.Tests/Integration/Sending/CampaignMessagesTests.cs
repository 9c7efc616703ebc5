using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;
using NonprofitPortal.Features.Bounces;
using NonprofitPortal.Features.Drafts.Templates;
using NonprofitPortal.Features.Operations;
using NonprofitPortal.Features.Sending;
using NonprofitPortal.Features.Sending.Queue;

namespace NonprofitPortal.Tests.Integration.Sending;

[Collection(SqliteHostCollection.Name)]
public sealed class CampaignMessagesTests(SqliteHost fixture)
{
    private readonly CampaignMessages _messages = fixture.Host.Services.GetRequiredService<CampaignMessages>();
    private readonly TemplateRenderer _renderer = fixture.Host.Services.GetRequiredService<TemplateRenderer>();
    private readonly MailboxAddress _from = MailboxAddress.Parse(fixture.Host.Services.GetRequiredService<IOptions<MailOptions>>().Value.From);

    public static TheoryData<string, string, string, string[], string, string> Campaigns => new()
    {
        { "plain ascii", "News for {{ nonprofit.name }}", "<p>Dear {{ nonprofit.name }},</p><p><a href=\"{{ unsubscribe_url }}\">Unsubscribe</a></p>", [], "Grace Officer", "Harbour Trust" },
        { "accented name and subject", "Des nouvelles pour {{ nonprofit.name }} : l’été", "<p>Chère {{ nonprofit.name }},</p>", [], "Zoë Ångström", "Café Zoë & Fils" },
        { "name that needs quoting", "News for {{ nonprofit.name }}", "<p>Dear {{ nonprofit.name }}</p>", [], "Officer, Grace", "Harbour \"Quay\" Trust, Ltd." },
        { "long subject and long lines", "{{ nonprofit.name }}: " + string.Concat(Enumerable.Repeat("a rather long subject that has to be folded ", 6)), $"<p>{new string('x', 1200)}</p><p>{string.Concat(Enumerable.Repeat("é", 1100))}</p>", [], "Grace Officer", "Harbour Trust" },
        { "copies", "News for {{ nonprofit.name }}", "<p>Dear {{ nonprofit.name }}</p>", ["officer@foundation.test", "Zoë Board <board@foundation.test>", "treasurer@foundation.test"], "Grace Officer", "Harbour Trust" },
        { "a sender without a valid address", "News", "<p>News</p>", [], "Grace Officer", "Harbour Trust" },
    };

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

    [Fact]
    public void A_line_starting_with_from_is_encoded_so_that_no_mailbox_format_mangles_it()
    {
        var message = Composed("<p>Dear {{ nonprofit.name }},</p>\nFrom all of us, thank you.", "Harbour Trust");

        var html = message.BodyParts.OfType<TextPart>().Single(part => part.IsHtml);
        Assert.Equal(ContentEncoding.QuotedPrintable, html.ContentTransferEncoding);
        Assert.Equal("<p>Dear Harbour Trust,</p>\nFrom all of us, thank you.", html.Text.Trim().ReplaceLineEndings("\n"));
    }

    [Theory]
    [MemberData(nameof(Campaigns))]
    public void A_message_is_byte_for_byte_the_one_built_field_by_field_with_MimeKit_boundaries_aside(string why, string subject, string body, string[] cc, string senderName, string name)
    {
        var senderEmail = why == "a sender without a valid address" ? "not an address" : "grace@foundation.test";
        var content = new CampaignContent(3, subject, body, cc, senderName, senderEmail);
        var send = new ClaimedSend(41, 3, 41, "trust@harbour.example", name, "1 Quay Street", "boats;sea", 1, null);

        var (composed, errors) = _messages.Compose(_messages.ComposerFor(content), send, TestContext.Current.CancellationToken);

        Assert.Empty(errors);
        var expected = FieldByField(content, send, composed!.Date, fixture.Host.Services.GetRequiredService<ReturnPaths>().For(send.Id));
        Assert.Equal(WithoutBoundary(expected), WithoutBoundary(composed));
        var parsed = Parsed(composed);
        Assert.Equal((name, "trust@harbour.example"), (parsed.To.Mailboxes.Single().Name, parsed.To.Mailboxes.Single().Address));
        Assert.Equal(cc.Select(a => MailboxAddress.Parse(a).Address), parsed.Cc.Mailboxes.Select(m => m.Address));
        Assert.Equal(_from.Address, parsed.From.Mailboxes.Single().Address);
        Assert.Equal($"send-41.campaign-3@{_from.Domain}", parsed.MessageId);
        Assert.Equal($"<{_messages.UnsubscribeUrl(41)}>", parsed.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", parsed.Headers["List-Unsubscribe-Post"]);
        Assert.NotNull(parsed.TextBody);
        Assert.NotNull(parsed.HtmlBody);
    }

    [Fact]
    public void A_return_path_comes_after_the_unsubscribe_headers_as_when_every_field_was_set_one_by_one()
    {
        var content = new CampaignContent(3, "News for {{ nonprofit.name }}", "<p>Dear {{ nonprofit.name }}</p>", ["officer@foundation.test"], "Grace Officer", "grace@foundation.test");
        var send = new ClaimedSend(41, 3, 41, "trust@harbour.example", "Harbour Trust", "", "", 1, null);
        var date = new DateTimeOffset(2026, 12, 2, 9, 30, 0, TimeSpan.Zero);
        var expected = FieldByField(content, send, date, "bounces+abc@return.foundation.test");
        var unsubscribe = _messages.UnsubscribeUrl(send.Id);

        var composed = _messages.ComposerFor(content).Message(_messages.MessageIdFor(send), date, RenderedFor(content, send, unsubscribe, date), send.Name, send.Email, unsubscribe, "bounces+abc@return.foundation.test");

        Assert.Equal(WithoutBoundary(expected), WithoutBoundary(composed));
        Assert.Equal("<bounces+abc@return.foundation.test>", Parsed(composed).Headers[HeaderId.ReturnPath]);
    }

    [Fact]
    public void Every_message_of_a_campaign_has_its_own_recipient_and_link_and_the_shared_headers_unchanged()
    {
        var content = new CampaignContent(3, "News for {{ nonprofit.name }}", "<p>Dear {{ nonprofit.name }}</p>", ["officer@foundation.test"], "Grace Officer", "grace@foundation.test");
        var composer = _messages.ComposerFor(content);

        var messages = Enumerable.Range(1, 3)
            .Select(i => _messages.Compose(composer, new ClaimedSend(i, 3, i, $"np{i}@harbour.example", $"Trust {i}", "", "", 1, null), TestContext.Current.CancellationToken).Message!)
            .Select(Parsed)
            .ToList();

        Assert.Equal(["np1@harbour.example", "np2@harbour.example", "np3@harbour.example"], messages.Select(m => m.To.Mailboxes.Single().Address));
        Assert.Equal(["News for Trust 1", "News for Trust 2", "News for Trust 3"], messages.Select(m => m.Subject));
        Assert.Equal(3, messages.Select(m => m.Headers["List-Unsubscribe"]).Distinct().Count());
        Assert.All(messages, m => Assert.Equal(["officer@foundation.test"], m.Cc.Mailboxes.Select(c => c.Address)));
        Assert.All(messages, m => Assert.Single(m.Headers, h => h.Id == HeaderId.From));
    }

    [Fact]
    public void A_template_error_gives_the_error_and_no_message()
    {
        var content = new CampaignContent(3, "News", "<p>Dear {{ nonprofit.nmae }}</p>", [], "Grace Officer", "grace@foundation.test");

        var (message, errors) = _messages.Compose(_messages.ComposerFor(content), new ClaimedSend(1, 3, 1, "np@harbour.example", "Trust", "", "", 1, null), TestContext.Current.CancellationToken);

        Assert.Null(message);
        var error = Assert.Single(errors);
        Assert.Equal((TemplateError.Body, 1), (error.Part, error.Line));
        Assert.Contains("nmae", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The message as it was built before the campaign's headers were made once: every field set on a new MimeMessage.</summary>
    private MimeMessage FieldByField(CampaignContent campaign, ClaimedSend send, DateTimeOffset date, string? returnPath)
    {
        var unsubscribe = _messages.UnsubscribeUrl(send.Id);
        var email = RenderedFor(campaign, send, unsubscribe, date);
        var message = new MimeMessage
        {
            MessageId = _messages.MessageIdFor(send),
            Date = date,
            Subject = email.Subject,
            Body = new MultipartAlternative { FieldByFieldPart("plain", email.Text), FieldByFieldPart("html", email.Html) },
        };
        message.From.Add(new MailboxAddress(_from.Name, _from.Address));
        message.To.Add(new MailboxAddress(send.Name, send.Email));
        foreach (var cc in campaign.Cc)
        {
            message.Cc.Add(MailboxAddress.Parse(cc));
        }

        if (MailboxAddress.TryParse(campaign.SenderEmail, out var sender))
        {
            message.ReplyTo.Add(new MailboxAddress(campaign.SenderName, sender.Address));
        }

        message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        if (returnPath is not null)
        {
            message.Headers.Add(HeaderId.ReturnPath, $"<{returnPath}>");
        }

        return message;
    }

    private RenderedEmail RenderedFor(CampaignContent campaign, ClaimedSend send, string unsubscribe, DateTimeOffset date)
    {
        var model = new TemplateModel(
            new NonprofitValues(send.Name, send.Address, send.Email, send.Tags.Length == 0 ? [] : send.Tags.Split(';')),
            new FoundationValues(fixture.Host.Services.GetRequiredService<IOptions<AppOptions>>().Value.FoundationName),
            new SenderValues(campaign.SenderName, campaign.SenderEmail),
            unsubscribe,
            DateOnly.FromDateTime(date.UtcDateTime));
        return _renderer.Render(campaign.SubjectTemplate, campaign.BodyTemplate, model, TestContext.Current.CancellationToken).Email!;
    }

    private static TextPart FieldByFieldPart(string subtype, string text)
    {
        var ascii = Ascii.IsValid(text);
        var longLine = text.Split('\n').Any(line => line.Length > 998);
        var part = new TextPart(subtype) { ContentTransferEncoding = ascii && !longLine ? ContentEncoding.SevenBit : ContentEncoding.QuotedPrintable };
        part.SetText(ascii ? "us-ascii" : "utf-8", text);
        return part;
    }

    /// <summary>The bytes on the wire, with the multipart boundary (random per message) replaced.</summary>
    private static string WithoutBoundary(MimeMessage message)
    {
        using var wire = new MemoryStream();
        message.WriteTo(wire, TestContext.Current.CancellationToken);
        var boundary = Assert.IsType<MultipartAlternative>(message.Body).Boundary!;
        return Encoding.UTF8.GetString(wire.ToArray()).Replace(boundary, "BOUNDARY", StringComparison.Ordinal);
    }

    private static MimeMessage Parsed(MimeMessage message)
    {
        var wire = new MemoryStream();
        message.WriteTo(wire, TestContext.Current.CancellationToken);
        wire.Position = 0;
        return MimeMessage.Load(wire, TestContext.Current.CancellationToken);
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
