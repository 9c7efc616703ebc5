using NonprofitPortal.Features.Sending;
using NonprofitPortal.Features.Sending.Transport;

namespace NonprofitPortal.Tests.Features.Sending;

public sealed class SendingRulesTests
{
    private static readonly SendingRules Defaults = SendingRules.From(new SendingOptions());

    [Theory]
    [InlineData(250, SmtpReplyMeaning.Accepted)]
    [InlineData(421, SmtpReplyMeaning.ServerBusy)]
    [InlineData(450, SmtpReplyMeaning.SlowDown)]
    [InlineData(451, SmtpReplyMeaning.SlowDown)]
    [InlineData(452, SmtpReplyMeaning.TryLater)]
    [InlineData(550, SmtpReplyMeaning.Refused)]
    [InlineData(554, SmtpReplyMeaning.Refused)]
    public void Each_smtp_reply_code_means_one_thing_for_the_message(int code, SmtpReplyMeaning meaning) =>
        Assert.Equal(meaning, SendingRules.Classify(code));

    [Fact]
    public void An_accepted_message_is_sent_and_a_refused_one_fails_at_once_with_the_reply()
    {
        Assert.IsType<SendVerdict.Sent>(Defaults.After(new Delivery.Accepted("250 ok"), attempts: 1, jitter: 0.5));
        Assert.Equal(new SendVerdict.Failed("550 5.1.1 no such user"), Defaults.After(new Delivery.Rejected("550 5.1.1 no such user"), attempts: 1, jitter: 0.5));
    }

    [Fact]
    public void A_slow_down_reply_sends_the_message_to_another_server_without_counting_the_attempt()
    {
        var verdict = Defaults.After(new Delivery.Deferred("450 4.7.0 slow down", SlowDown: true), attempts: 5, jitter: 0.5);

        Assert.Equal(new SendVerdict.TryAnotherServer("450 4.7.0 slow down", SlowDown: true), verdict);
    }

    [Fact]
    public void A_temporary_error_is_retried_later_until_the_last_attempt_then_fails_with_the_reply()
    {
        var deferred = new Delivery.Deferred("452 4.2.2 mailbox full", SlowDown: false);

        Assert.Equal(new SendVerdict.RetryLater("452 4.2.2 mailbox full", TimeSpan.FromSeconds(60)), Defaults.After(deferred, attempts: 2, jitter: 0.5));
        Assert.Equal(new SendVerdict.Failed("Gave up after 5 attempts: 452 4.2.2 mailbox full"), Defaults.After(deferred, attempts: 5, jitter: 0.5));
    }

    [Fact]
    public void A_server_that_cannot_be_reached_passes_the_message_on_and_a_421_also_slows_it_down()
    {
        Assert.Equal(new SendVerdict.TryAnotherServer("refused", SlowDown: false), SendingRules.AfterUnavailable(new ServerUnavailableException("refused")));
        Assert.Equal(new SendVerdict.TryAnotherServer("421 busy", SlowDown: true), SendingRules.AfterUnavailable(new ServerUnavailableException("421 busy", askedToSlowDown: true)));
    }

    [Fact]
    public void Retries_wait_twice_as_long_each_time_up_to_the_limit_spread_by_a_fifth_either_way()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), Defaults.RetryDelay(1, jitter: 0.5));
        Assert.Equal(TimeSpan.FromSeconds(120), Defaults.RetryDelay(3, jitter: 0.5));
        Assert.Equal(TimeSpan.FromSeconds(3600), Defaults.RetryDelay(20, jitter: 0.5));
        Assert.Equal(TimeSpan.FromSeconds(24), Defaults.RetryDelay(1, jitter: 0));
        Assert.Equal(TimeSpan.FromSeconds(36), Defaults.RetryDelay(1, jitter: 1));
    }

    [Fact]
    public void With_no_server_free_a_message_waits_for_the_next_probe_and_after_refusals_at_least_a_first_retry()
    {
        var now = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal(now.AddSeconds(10), Defaults.NextTryWithoutServer(now, now.AddSeconds(10), someRefused: false, jitter: 0.5));
        Assert.Equal(now.AddSeconds(30), Defaults.NextTryWithoutServer(now, now.AddSeconds(10), someRefused: true, jitter: 0.5));
        Assert.Equal(now.AddSeconds(90), Defaults.NextTryWithoutServer(now, now.AddSeconds(90), someRefused: true, jitter: 0.5));
    }

    [Theory]
    [InlineData(0, 120, 200, 200)]
    [InlineData(1000, 120, 200, 200)]
    [InlineData(0.5, 120, 200, 30)]
    [InlineData(3, 20, 100, 30)]
    [InlineData(0.01, 120, 200, 1)]
    public void A_claim_is_what_the_pace_sends_in_half_a_lease_at_most_a_batch(double pace, int leaseSeconds, int batch, int expected)
    {
        var rules = SendingRules.From(new SendingOptions { LeaseSeconds = leaseSeconds, BatchSize = batch });

        Assert.Equal(expected, rules.ClaimSize(pace));
    }

    [Fact]
    public void A_row_is_sent_only_while_more_than_a_quarter_of_its_lease_is_left()
    {
        var now = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromSeconds(30), Defaults.RenewalInterval);
        Assert.True(Defaults.MaySend(now.AddSeconds(31), now));
        Assert.False(Defaults.MaySend(now.AddSeconds(30), now));
        Assert.False(Defaults.MaySend(now.AddSeconds(-1), now));
    }
}
