using Bunit;
using Microsoft.Extensions.Time.Testing;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Campaigns.Pages;
using NonprofitPortal.Tests.Components;

namespace NonprofitPortal.Tests.Features.Campaigns;

/// <summary>The rate, time so far and time left under a campaign's counters, on a fixed clock.</summary>
public sealed class CampaignTimesTests : MudTestContext
{
    private static readonly DateTimeOffset Now = new(2025, 3, 14, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LaunchedAt = Now.AddMinutes(-3);

    public CampaignTimesTests()
    {
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
    }

    [Theory]
    [InlineData(60, 2.5, "about 24 s left")]
    [InlineData(600, 2.0, "about 5 min 00 s left")]
    [InlineData(10_000, 0.5, "about 5 h 33 min left")]
    [InlineData(1_000_000, 0.5, "about 23 d 3 h left")]
    public void A_sending_campaign_shows_its_rate_the_time_so_far_and_the_time_left_at_that_rate(int pending, double rate, string timeLeft)
    {
        var times = Render(Progress(CampaignStatus.Sending, total: 40 + pending, sent: 40, rate, startedAt: Now.AddSeconds(-125)));

        Assert.Equal(rate.ToString("N1") + " messages per second", Text(times, "campaign-rate"));
        Assert.Equal("2 min 05 s so far", Text(times, "campaign-elapsed"));
        Assert.Equal(timeLeft, Text(times, "campaign-eta"));
    }

    [Theory]
    [InlineData(CampaignStatus.Paused, 2.5)]
    [InlineData(CampaignStatus.Sending, 0.0)]
    public void Without_sending_at_a_rate_there_is_no_time_left(CampaignStatus status, double rate)
    {
        var times = Render(Progress(status, total: 100, sent: 40, rate, startedAt: Now.AddMinutes(-2)));

        Assert.Equal("2 min 00 s so far", Text(times, "campaign-elapsed"));
        Assert.Empty(times.FindAll("[data-testid=campaign-eta]"));
    }

    [Fact]
    public void A_finished_campaign_says_how_long_it_took_and_when_it_ended()
    {
        var started = Now.AddHours(-2);
        var times = Render(Progress(CampaignStatus.Completed, total: 100, sent: 100, 0.03, started, completedAt: started.AddMinutes(62).AddSeconds(30)));

        Assert.Equal("took 1 h 02 min", Text(times, "campaign-elapsed"));
        Assert.EndsWith("ended 2025-03-14 09:02:30 UTC", Text(times, "campaign-times"));
        Assert.Empty(times.FindAll("[data-testid=campaign-eta]"));
    }

    [Fact]
    public void A_queued_campaign_is_waiting_to_start()
    {
        var times = Render(Progress(CampaignStatus.Queued, total: 100, sent: 0, 0, startedAt: null));

        Assert.Equal("Waiting to start · launched 2025-03-14 09:57:00 UTC", Text(times, "campaign-times"));
        Assert.Empty(times.FindAll("[data-testid=campaign-elapsed]"));
    }

    private IRenderedComponent<CampaignTimes> Render(CampaignProgress progress) => Render<CampaignTimes>(parameters => parameters
        .Add(p => p.Progress, progress)
        .Add(p => p.LaunchedAt, LaunchedAt));

    private static CampaignProgress Progress(
        CampaignStatus status, int total, int sent, double rate, DateTimeOffset? startedAt, DateTimeOffset? completedAt = null) =>
        new(1, status, total, sent, 0, 0, startedAt, completedAt, rate);

    private static string Text(IRenderedComponent<CampaignTimes> times, string testId) =>
        System.Text.RegularExpressions.Regex.Replace(times.Find($"[data-testid={testId}]").TextContent, @"\s+", " ").Trim();
}
