using NonprofitPortal.Features.Campaigns.Reports;

namespace NonprofitPortal.Tests.Features.Campaigns.Reports;

public sealed class ComparisonMeasureTests
{
    private static ComparedCampaign Campaign(int delivered, int bounced = 0, int uniqueOpens = 0, bool tracked = true, int recipients = 100) =>
        new(1, "c", DateTimeOffset.UnixEpoch, tracked, tracked, recipients, delivered, bounced, 0, 0, uniqueOpens, 0);

    private static ComparisonMeasure Measure(string key) => ComparisonMeasure.All.Single(m => m.Key == key);

    [Fact]
    public void The_highest_open_rate_of_delivered_is_best_not_the_highest_count()
    {
        var best = Measure("unique-opens").Best([Campaign(delivered: 1000, uniqueOpens: 300), Campaign(delivered: 100, uniqueOpens: 40)]);

        Assert.Equal([1], best);
    }

    [Fact]
    public void The_lowest_bounce_rate_is_best_and_ties_are_all_best()
    {
        var best = Measure("bounced").Best([Campaign(delivered: 100, bounced: 2), Campaign(delivered: 100, bounced: 5), Campaign(delivered: 50, bounced: 1)]);

        Assert.Equal([0, 2], best.Order());
    }

    [Fact]
    public void Nothing_is_best_when_all_are_equal_when_only_one_has_a_rate_or_for_the_recipients()
    {
        Assert.Empty(Measure("bounced").Best([Campaign(delivered: 100, bounced: 1), Campaign(delivered: 200, bounced: 2)]));
        Assert.Empty(Measure("bounced").Best([Campaign(delivered: 0, bounced: 3), Campaign(delivered: 100, bounced: 1)]));
        Assert.Empty(Measure("recipients").Best([Campaign(delivered: 10, recipients: 10), Campaign(delivered: 10, recipients: 500)]));
    }

    [Fact]
    public void A_campaign_that_did_not_track_opens_is_never_best_or_worst_at_them()
    {
        var best = Measure("unique-opens").Best([Campaign(delivered: 100, uniqueOpens: 0, tracked: false), Campaign(delivered: 100, uniqueOpens: 20), Campaign(delivered: 100, uniqueOpens: 30)]);

        Assert.Equal([2], best);
    }

    [Fact]
    public void Delivered_is_a_share_of_the_recipients_and_the_rest_of_delivered()
    {
        var campaign = Campaign(delivered: 80, bounced: 4, recipients: 100);

        Assert.Equal(0.8, Measure("delivered").Rate(campaign));
        Assert.Equal(0.05, Measure("bounced").Rate(campaign));
        Assert.Null(Measure("bounced").Rate(Campaign(delivered: 0, bounced: 4)));
    }
}
