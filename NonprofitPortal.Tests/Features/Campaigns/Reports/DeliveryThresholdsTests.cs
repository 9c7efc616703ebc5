using NonprofitPortal.Features.Campaigns.Reports;

namespace NonprofitPortal.Tests.Features.Campaigns.Reports;

public sealed class DeliveryThresholdsTests
{
    [Theory]
    [InlineData(100, 2, false)]
    [InlineData(100, 3, true)]
    [InlineData(50, 1, false)]
    [InlineData(49, 1, true)]
    [InlineData(1_000_000, 20_000, false)]
    [InlineData(1_000_000, 20_001, true)]
    public void Bounces_warn_only_once_they_pass_two_percent_of_the_messages_sent(int sent, int bounced, bool warns)
    {
        Assert.Equal(warns, DeliveryThresholds.BouncesTooHigh(sent, bounced));
    }

    [Theory]
    [InlineData(1000, 0, 1, false)]
    [InlineData(1000, 0, 2, true)]
    [InlineData(1010, 10, 1, false)]
    [InlineData(1009, 10, 1, true)]
    public void Complaints_warn_once_they_pass_a_tenth_of_a_percent_of_the_messages_delivered(int sent, int bounced, int complained, bool warns)
    {
        Assert.Equal(warns, DeliveryThresholds.ComplaintsTooHigh(sent, bounced, complained));
    }

    [Fact]
    public void Nothing_sent_gives_no_rates_and_no_warnings_even_with_late_bounces_and_complaints()
    {
        Assert.Null(DeliveryThresholds.BounceRate(0, 3));
        Assert.Null(DeliveryThresholds.ComplaintRate(0, 3, 1));
        Assert.False(DeliveryThresholds.BouncesTooHigh(0, 3));
        Assert.False(DeliveryThresholds.ComplaintsTooHigh(0, 3, 1));
    }

    [Fact]
    public void Everything_bounced_gives_a_full_bounce_rate_and_no_complaint_rate()
    {
        Assert.Equal(1, DeliveryThresholds.BounceRate(10, 10));
        Assert.Null(DeliveryThresholds.ComplaintRate(10, 10, 0));
        Assert.False(DeliveryThresholds.ComplaintsTooHigh(10, 10, 1));
    }

    [Fact]
    public void Rates_are_shares_of_sent_and_of_delivered_and_never_above_one()
    {
        Assert.Equal(0.03, DeliveryThresholds.BounceRate(200, 6));
        Assert.Equal(0.005, DeliveryThresholds.ComplaintRate(210, 10, 1));
        // Bounces of mail sent before the period can outnumber what was sent in it.
        Assert.Equal(1, DeliveryThresholds.BounceRate(2, 5));
    }
}
