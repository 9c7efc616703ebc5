namespace NonprofitPortal.Features.Campaigns.Reports;

/// <summary>Hours as <see cref="CampaignActivity.Hour"/> numbers them: whole hours since 1970-01-01 00:00 UTC.</summary>
public static class ActivityHours
{
    public static long Of(DateTimeOffset at) => (long)Math.Floor((at - DateTimeOffset.UnixEpoch).TotalHours);

    public static DateTimeOffset Start(long hour) => DateTimeOffset.UnixEpoch.AddHours(hour);
}
