using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;

namespace NonprofitPortal.Features.Campaigns.Reports;

/// <summary>
/// Messages sent, bounced and complained about per day over the last <see cref="Days"/> days, across
/// every campaign, read from the hourly <see cref="CampaignActivity"/> rows (summed per hour by the
/// database, at most 24 rows a day) rather than from the sends.
/// </summary>
public sealed class SendingHealth(IDbContextFactory<AppDbContext> contextFactory, TimeProvider time)
{
    public const int Days = 30;

    /// <summary>The days as they fall in <paramref name="zone"/>, today included.</summary>
    public async Task<SendingHealthReport> LastDaysAsync(TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        var first = today.AddDays(1 - Days);
        var fromHour = ActivityHours.Of(StartOf(first, zone));
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var hours = await db.CampaignActivity
            .Where(a => a.Hour >= fromHour)
            .GroupBy(a => a.Hour)
            .Select(g => new { Hour = g.Key, Sent = g.Sum(a => a.Sent), Bounced = g.Sum(a => a.Bounced), Complained = g.Sum(a => a.Complained) })
            .ToListAsync(cancellationToken);

        // An hour belongs to the day it starts on: where the zone is off UTC by a half hour, the
        // half hour either side of midnight goes with the hour it is in.
        var byDay = hours
            .GroupBy(h => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(ActivityHours.Start(h.Hour), zone).DateTime))
            .ToDictionary(g => g.Key, g => new SendingDay(g.Key, g.Sum(h => h.Sent), g.Sum(h => h.Bounced), g.Sum(h => h.Complained)));
        return new SendingHealthReport(Enumerable.Range(0, Days)
            .Select(i => first.AddDays(i))
            .Select(date => byDay.GetValueOrDefault(date) ?? new SendingDay(date, 0, 0, 0))
            .ToList());
    }

    private static DateTimeOffset StartOf(DateOnly date, TimeZoneInfo zone)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        // Where the clocks skip midnight, the day starts at the first time that exists.
        while (zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddMinutes(30);
        }

        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }
}
