using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Campaigns.Reports;
using NonprofitPortal.Tests.Integration;

namespace NonprofitPortal.Tests.Features.Campaigns.Reports;

/// <summary>
/// The dashboard's 30 days on the real database of a real host (SQLite). Each test's clock is in a
/// year of its own far ahead, so that what other tests record never falls in its 30 days.
/// </summary>
[Collection(SqliteHostCollection.Name)]
public sealed class SendingHealthTests(SqliteHost fixture)
{
    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_campaigns_hours_add_up_per_day_in_the_users_zone_over_the_last_30_days_only()
    {
        var now = new DateTimeOffset(2093, 6, 20, 12, 0, 0, TimeSpan.Zero);
        var zone = TimeZoneInfo.CreateCustomTimeZone("UTC-05:00", TimeSpan.FromHours(-5), "UTC-05:00", "UTC-05:00");
        var seeded = new SeededCampaigns(fixture.Host);
        var first = await seeded.AddAsync("Health one", CampaignStatus.Completed, total: 100, sent: 100);
        var second = await seeded.AddAsync("Health two", CampaignStatus.Completed, total: 100, sent: 100);
        await AddActivityAsync(
            // 22:00 on 9 June in the zone, though 10 June in UTC.
            new CampaignActivity { CampaignId = first, Hour = Hour(2093, 6, 10, 3), Sent = 40, Bounced = 1 },
            new CampaignActivity { CampaignId = second, Hour = Hour(2093, 6, 10, 3), Sent = 10, Complained = 1 },
            new CampaignActivity { CampaignId = first, Hour = Hour(2093, 6, 10, 6), Sent = 7, Bounced = 2 },
            // 31 days back in the zone: before the first day shown.
            new CampaignActivity { CampaignId = second, Hour = Hour(2093, 5, 21, 3), Sent = 500, Bounced = 500 });

        var report = await new SendingHealth(fixture.Host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>(), new FakeTimeProvider(now))
            .LastDaysAsync(zone, Cancel);

        Assert.Equal(SendingHealth.Days, report.Days.Count);
        Assert.Equal((new DateOnly(2093, 5, 22), new DateOnly(2093, 6, 20)), (report.Days[0].Date, report.Days[^1].Date));
        Assert.Equal(new SendingDay(new DateOnly(2093, 6, 9), 50, 1, 1), report.Days.Single(d => d.Date == new DateOnly(2093, 6, 9)));
        Assert.Equal(new SendingDay(new DateOnly(2093, 6, 10), 7, 2, 0), report.Days.Single(d => d.Date == new DateOnly(2093, 6, 10)));
        Assert.Equal((57, 3, 1), (report.Sent, report.Bounced, report.Complained));
        Assert.True(report.TooManyBounces);
        Assert.True(report.TooManyComplaints);
    }

    private static long Hour(int year, int month, int day, int hour) => ActivityHours.Of(new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.Zero));

    private async Task AddActivityAsync(params CampaignActivity[] rows)
    {
        await using var db = await fixture.Host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Cancel);
        db.CampaignActivity.AddRange(rows);
        await db.SaveChangesAsync(Cancel);
    }
}
