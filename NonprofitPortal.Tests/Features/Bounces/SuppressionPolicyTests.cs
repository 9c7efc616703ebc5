using NonprofitPortal.Features.Bounces;

namespace NonprofitPortal.Tests.Features.Bounces;

public sealed class SuppressionPolicyTests
{
    private static readonly SuppressionPolicy Policy = new(SoftBounceLimit: 3, SoftBounceWindow: TimeSpan.FromDays(30));
    private static readonly RecipientStanding Reachable = new(Suppressed: false, OptedOut: false, AddressStillCurrent: true);
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_hard_bounce_suppresses_at_once() =>
        Assert.Equal(SuppressionVerdict.SuppressForHardBounce, Policy.Decide(DeliveryEventKind.HardBounce, Reachable, recentSoftBounces: 0));

    [Theory]
    [InlineData(1, SuppressionVerdict.None)]
    [InlineData(3, SuppressionVerdict.None)]
    [InlineData(4, SuppressionVerdict.SuppressForSoftBounces)]
    public void Soft_bounces_suppress_only_past_the_limit(int recent, SuppressionVerdict expected) =>
        Assert.Equal(expected, Policy.Decide(DeliveryEventKind.SoftBounce, Reachable, recent));

    [Fact]
    public void A_complaint_opts_out() =>
        Assert.Equal(SuppressionVerdict.OptOut, Policy.Decide(DeliveryEventKind.Complaint, Reachable, 0));

    [Fact]
    public void What_is_already_so_changes_nothing()
    {
        var suppressedAndOptedOut = new RecipientStanding(Suppressed: true, OptedOut: true, AddressStillCurrent: true);

        Assert.Equal(SuppressionVerdict.None, Policy.Decide(DeliveryEventKind.HardBounce, suppressedAndOptedOut, 0));
        Assert.Equal(SuppressionVerdict.None, Policy.Decide(DeliveryEventKind.SoftBounce, suppressedAndOptedOut, 10));
        Assert.Equal(SuppressionVerdict.None, Policy.Decide(DeliveryEventKind.Complaint, suppressedAndOptedOut, 0));
    }

    [Fact]
    public void A_bounce_of_an_address_the_nonprofit_no_longer_has_changes_nothing() =>
        Assert.Equal(SuppressionVerdict.None, Policy.Decide(DeliveryEventKind.HardBounce, Reachable with { AddressStillCurrent = false }, 0));

    [Fact]
    public void Soft_bounces_count_within_the_window_or_since_mail_was_allowed_again()
    {
        Assert.Equal(Now.AddDays(-30), Policy.CountSoftBouncesSince(Now, allowedAgainAt: null));
        Assert.Equal(Now.AddDays(-30), Policy.CountSoftBouncesSince(Now, allowedAgainAt: Now.AddDays(-45)));
        Assert.Equal(Now.AddDays(-2), Policy.CountSoftBouncesSince(Now, allowedAgainAt: Now.AddDays(-2)));
    }
}
