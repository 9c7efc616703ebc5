using NonprofitPortal.Features.Campaigns.Reports;

namespace NonprofitPortal.Tests.Features.Campaigns.Reports;

public sealed class CampaignActivityCountsTests
{
    [Fact]
    public void Hours_are_whole_hours_since_1970_on_every_database_and_read_back_as_their_start()
    {
        var at = new DateTimeOffset(2026, 12, 2, 14, 59, 59, TimeSpan.FromHours(1));

        var hour = ActivityHours.Of(at);

        Assert.Equal(new DateTimeOffset(2026, 12, 2, 13, 0, 0, TimeSpan.Zero), ActivityHours.Start(hour));
        Assert.Equal(hour + 1, ActivityHours.Of(at.AddSeconds(1)));
    }

    [Fact]
    public void SQL_Server_adds_to_an_hour_with_a_merge_that_holds_its_key_and_the_others_with_an_upsert()
    {
        Assert.StartsWith("MERGE \"CampaignActivity\" WITH (HOLDLOCK)", CampaignActivityCounts.SqlServerSql, StringComparison.Ordinal);
        Assert.Contains("WHEN NOT MATCHED THEN INSERT", CampaignActivityCounts.SqlServerSql, StringComparison.Ordinal);
        Assert.Contains("ON CONFLICT (\"CampaignId\", \"Hour\") DO UPDATE SET", CampaignActivityCounts.OnConflictSql, StringComparison.Ordinal);
        Assert.All(Enumerable.Range(0, 8), i => Assert.Contains($"{{{i}}}", CampaignActivityCounts.SqlServerSql, StringComparison.Ordinal));
    }

    [Fact]
    public void Nothing_to_add_is_empty_and_skipped() => Assert.True(new ActivityCounts().IsEmpty && !new ActivityCounts(Opens: 1).IsEmpty);

    [Fact]
    public void Rates_are_shares_of_the_delivered_messages_and_zero_when_none_were()
    {
        var report = new CampaignReport(1, "Spring", Delivered: 200, Bounced: 4, Complained: 0, Unsubscribed: 1, Opened: 90, Clicked: 30, UniqueOpens: 80, UniqueClicks: 20, [], []);

        Assert.Equal((0.4, 0.1), (report.RateOfDelivered(report.UniqueOpens), report.RateOfDelivered(report.UniqueClicks)));
        Assert.Equal(0, (report with { Delivered = 0 }).RateOfDelivered(5));
    }
}
