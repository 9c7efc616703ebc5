using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Campaigns.Reports;
using NonprofitPortal.Tests.Features.Campaigns;

namespace NonprofitPortal.Tests.Integration.Campaigns;

/// <summary>Campaigns compared on the real database of a real host; on SQLite and PostgreSQL (subclasses at the end).</summary>
public abstract class CampaignComparisonTests(IPortalHostFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_campaigns_totals_come_back_in_the_order_asked_for_with_its_own_unsubscribes_and_unknown_ids_left_out()
    {
        var seeded = new SeededCampaigns(fixture.Host);
        var spring = await seeded.AddAsync("Compared spring", CampaignStatus.Completed, total: 200, sent: 190, failed: 10);
        var autumn = await seeded.AddAsync("Compared autumn", CampaignStatus.Completed, total: 50, sent: 50);
        await seeded.SetOutcomesAsync(spring, bounced: 10, complained: 1, unsubscribed: 3, uniqueOpens: 90, uniqueClicks: 12);
        await seeded.SetOutcomesAsync(autumn, bounced: 0, complained: 0, unsubscribed: 1, uniqueOpens: 0, uniqueClicks: 0, tracked: false);

        var compared = await fixture.Host.Services.GetRequiredService<CampaignReports>().CompareAsync([autumn, 999_999_999, spring, autumn], Cancel);

        Assert.Equal([autumn, spring], compared.Select(c => c.Id));
        var (first, second) = (compared[0], compared[1]);
        Assert.Equal(("Compared autumn", 50, 50, 0, 0, 1, false), (first.Name, first.Recipients, first.Delivered, first.Bounced, first.Complained, first.Unsubscribed, first.TrackOpens));
        Assert.Equal((200, 180, 10, 1, 3, 90, 12, true), (second.Recipients, second.Delivered, second.Bounced, second.Complained, second.Unsubscribed, second.UniqueOpens, second.UniqueClicks, second.TrackClicks));
    }
}

[Collection(SqliteHostCollection.Name)]
public sealed class SqliteCampaignComparisonTests(SqliteHost fixture) : CampaignComparisonTests(fixture);

[Collection(Postgres.PostgresHostCollection.Name)]
public sealed class PostgresCampaignComparisonTests(Postgres.PostgresHost fixture) : CampaignComparisonTests(fixture);
