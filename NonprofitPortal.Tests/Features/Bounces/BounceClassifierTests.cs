using NonprofitPortal.Features.Bounces;

namespace NonprofitPortal.Tests.Features.Bounces;

public sealed class BounceClassifierTests
{
    [Theory]
    [InlineData("5.1.1", BounceClass.Hard)]
    [InlineData("5.1.10", BounceClass.Hard)]
    [InlineData("5.4.4", BounceClass.Hard)]
    [InlineData("4.2.2", BounceClass.Soft)]
    [InlineData("4.4.7", BounceClass.Soft)]
    [InlineData("5.2.2", BounceClass.Soft)]
    [InlineData("5.3.4", BounceClass.Soft)]
    [InlineData("5.7.1", BounceClass.Soft)]
    public void A_status_code_decides_the_class(string status, BounceClass expected) =>
        Assert.Equal(expected, BounceClassifier.FromStatus(status));

    [Theory]
    [InlineData("2.0.0")]
    [InlineData("")]
    [InlineData("not a status")]
    [InlineData(null)]
    public void A_success_or_something_else_is_no_bounce(string? status) =>
        Assert.Null(BounceClassifier.FromStatus(status));

    [Theory]
    [InlineData("550 5.1.1 <gone@example.org>: Recipient address rejected: User unknown", BounceClass.Hard, "5.1.1")]
    [InlineData("smtp; 452 4.2.2 Mailbox full", BounceClass.Soft, "4.2.2")]
    [InlineData("550-5.7.1 This message was identified as spam", BounceClass.Soft, "5.7.1")]
    [InlineData("Delivered with 2.0.0, then failed: 5.1.2 bad destination system", BounceClass.Hard, "5.1.2")]
    public void A_reply_or_diagnostic_is_classified_by_its_status_code(string text, BounceClass expected, string status) =>
        Assert.Equal((expected, status), BounceClassifier.FromText(text));

    [Theory]
    [InlineData("550 Requested action not taken", BounceClass.Hard)]
    [InlineData("421 Service not available, closing channel", BounceClass.Soft)]
    [InlineData("Sorry, I couldn't find any host by that name. The user does not exist.", BounceClass.Hard)]
    [InlineData("The recipient's mailbox is full and can't accept messages now.", BounceClass.Soft)]
    public void Without_a_status_code_the_reply_code_then_the_wording_decides(string text, BounceClass expected) =>
        Assert.Equal(expected, BounceClassifier.FromText(text)?.Class);

    [Theory]
    [InlineData("Thank you for your message, I am out of the office until Monday.")]
    [InlineData("Release 1.5.1.1 is out")]
    [InlineData("")]
    public void Text_that_says_nothing_of_a_failure_is_no_bounce(string text) =>
        Assert.Null(BounceClassifier.FromText(text));
}
