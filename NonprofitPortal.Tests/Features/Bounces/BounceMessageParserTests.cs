using System.Text;
using MimeKit;
using NonprofitPortal.Features.Bounces;
using NonprofitPortal.Features.Bounces.Parsing;

namespace NonprofitPortal.Tests.Features.Bounces;

public sealed class BounceMessageParserTests
{
    private const string OriginalId = "send-41.campaign-7@portal.test";

    [Fact]
    public void A_delivery_status_notification_gives_the_recipient_status_diagnostic_and_original_message_id()
    {
        var report = Assert.Single(Parse(BounceSamples.DeliveryStatus(OriginalId, "Gone@Example.org"))!);

        Assert.Equal((FeedbackKind.Bounce, BounceClass.Hard, "gone@example.org", OriginalId), (report.Kind, report.Class, report.Recipient, report.OriginalMessageId));
        Assert.Equal("550 5.1.1 <Gone@Example.org>: Recipient address rejected: User unknown in virtual mailbox table", report.Detail);
        Assert.Contains("bounces@foundation.test", report.ReturnPaths);
        Assert.Equal(DeliveryEventKind.HardBounce, report.EventKind);
    }

    [Fact]
    public void A_temporary_failure_is_a_soft_bounce_and_a_delay_is_no_bounce_at_all()
    {
        var soft = Assert.Single(Parse(BounceSamples.DeliveryStatus(OriginalId, "full@example.org", "4.2.2", "smtp; 452 4.2.2 Mailbox full"))!);
        var delayed = Parse(BounceSamples.DeliveryStatus(OriginalId, "slow@example.org", "4.4.7", "smtp; 421 try later", action: "delayed"));

        Assert.Equal((BounceClass.Soft, "452 4.2.2 Mailbox full"), (soft.Class, soft.Detail));
        Assert.NotNull(delayed);
        Assert.Empty(delayed);
    }

    [Fact]
    public void The_same_bounce_read_twice_has_the_same_external_id()
    {
        var raw = BounceSamples.DeliveryStatus(OriginalId, "gone@example.org", bounceId: "fixed");

        Assert.Equal(Assert.Single(Parse(raw)!).ExternalId, Assert.Single(Parse(raw)!).ExternalId);
        Assert.Equal("fixed@mx.example.net#gone@example.org", Assert.Single(Parse(raw)!).ExternalId);
    }

    [Fact]
    public void A_feedback_report_is_a_complaint_with_the_original_and_its_sender()
    {
        var report = Assert.Single(Parse(BounceSamples.Complaint(OriginalId, "reader@isp.example"))!);

        Assert.Equal((FeedbackKind.Complaint, (BounceClass?)null, "reader@isp.example", OriginalId), (report.Kind, report.Class, report.Recipient, report.OriginalMessageId));
        Assert.Equal("Reported as abuse (SomeGenerator/1.0)", report.Detail);
        Assert.Contains("portal@portal.test", report.ReturnPaths);
        Assert.Equal(DeliveryEventKind.Complaint, report.EventKind);
    }

    [Fact]
    public void A_not_spam_report_is_read_but_is_no_complaint() =>
        Assert.Empty(Parse(BounceSamples.Complaint(OriginalId, "reader@isp.example", "not-spam"))!);

    [Fact]
    public void A_bounce_in_words_quoting_the_original_is_read_from_the_text_before_the_quote()
    {
        var hard = Assert.Single(Parse(BounceSamples.InWords(OriginalId, "gone@example.org"))!);
        var soft = Assert.Single(Parse(BounceSamples.InWords(OriginalId, "full@example.org", "Remote host said: 452 4.2.2 Over quota"))!);

        Assert.Equal((BounceClass.Hard, "gone@example.org", OriginalId), (hard.Class, hard.Recipient, hard.OriginalMessageId));
        Assert.Equal("Remote host said: 550 5.1.1 The email account that you tried to reach does not exist.", hard.Detail);
        Assert.Equal(BounceClass.Soft, soft.Class);
    }

    [Fact]
    public void A_message_that_is_no_bounce_is_not_parsed() =>
        Assert.Null(Parse(BounceSamples.OutOfOffice()));

    private static IReadOnlyList<FeedbackReport>? Parse(string raw)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(raw));
        return BounceMessageParser.Parse(MimeMessage.Load(stream, TestContext.Current.CancellationToken));
    }
}
