using NonprofitPortal.Features.Webhooks;

namespace NonprofitPortal.Tests.Features.Webhooks;

public sealed class WebhookRetryPolicyTests
{
    private static readonly DateTimeOffset Created = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly WebhookRetryPolicy Policy = WebhookRetryPolicy.Default;

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(8, 3600)]
    [InlineData(40, 3600)]
    public void Each_failure_doubles_the_wait_up_to_an_hour(int attempts, int seconds)
    {
        var verdict = Policy.AfterFailure(Created, attempts, Created.AddMinutes(1), jitter: 0.5);

        Assert.Equal(Created.AddMinutes(1).AddSeconds(seconds), verdict.RetryAt);
    }

    [Fact]
    public void Jitter_moves_the_wait_by_at_most_a_fifth()
    {
        var early = Policy.AfterFailure(Created, 2, Created, jitter: 0);
        var late = Policy.AfterFailure(Created, 2, Created, jitter: 0.999999);

        Assert.Equal(Created.AddSeconds(48), early.RetryAt);
        Assert.InRange(late.RetryAt!.Value, Created.AddSeconds(71.9), Created.AddSeconds(72));
    }

    [Fact]
    public void The_last_attempt_is_at_the_end_of_the_day_and_its_failure_gives_up()
    {
        var nearTheEnd = Policy.AfterFailure(Created, 30, Created.AddHours(23).AddMinutes(50), jitter: 0.5);
        var atTheEnd = Policy.AfterFailure(Created, 31, Created.AddHours(24), jitter: 0.5);

        Assert.Equal(Created.AddHours(24), nearTheEnd.RetryAt);
        Assert.True(atTheEnd.GivesUp);
    }

    [Fact]
    public void Following_the_policy_takes_about_thirty_attempts_over_a_day()
    {
        var (now, attempts) = (Created, 0);
        WebhookRetryVerdict verdict;
        do
        {
            attempts++;
            verdict = Policy.AfterFailure(Created, attempts, now, jitter: 0.5);
            now = verdict.RetryAt ?? now;
        }
        while (!verdict.GivesUp);

        Assert.Equal(Created.AddHours(24), now);
        Assert.InRange(attempts, 25, 35);
    }
}
