namespace NonprofitPortal.Features.Campaigns.Pages;

/// <summary>
/// "Send later" in the send dialog: a date and a time of day in the user's time zone, the instant
/// they mean (or why they mean none), and what the dialog says about when sending starts.
/// </summary>
public sealed class SendSchedule(TimeProvider time)
{
    public bool Later { get; set; }

    public BrowserTimeZone? Zone { get; private set; }

    public DateTime? Date { get; set; }

    public TimeSpan? TimeOfDay { get; set; }

    /// <summary>"Send later" is on and the browser has not been asked for its time zone yet.</summary>
    public bool NeedsZone => Later && Zone is null;

    /// <summary>Today in the user's zone: the first date the picker offers.</summary>
    public DateTime Today => Zone is null ? time.GetUtcNow().UtcDateTime.Date : TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone.Zone).Date;

    /// <summary>The chosen instant; null at once, or when <see cref="Problem"/> says why not.</summary>
    public DateTimeOffset? At => Chosen().At;

    public string? Problem => Chosen().Problem;

    /// <summary>False while "Send later" is on without a usable time.</summary>
    public bool Ready => !Later || At is not null;

    /// <summary>The zone as the dialog names it, with the offset at the chosen time.</summary>
    public string ZoneText => Zone?.Describe(At ?? time.GetUtcNow()) ?? "";

    public string When => (Later, Chosen()) switch
    {
        (false, _) => "Sending starts at once. While it runs you can pause or cancel it, but what has gone out cannot be called back.",
        (_, { Problem: { } problem }) => problem,
        (_, { At: { } at }) => $"Sending starts on {at:yyyy-MM-dd} at {at:HH:mm} ({Zone!.Describe(at)}). Until then you can cancel it from the campaign's page.",
        _ => "",
    };

    /// <summary>Takes the user's zone and proposes the next full hour in it.</summary>
    public void Start(BrowserTimeZone zone)
    {
        Zone = zone;
        var nextHour = TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone.Zone).DateTime.AddHours(1);
        (Date, TimeOfDay) = (nextHour.Date, TimeSpan.FromHours(nextHour.Hour));
    }

    private (DateTimeOffset? At, string? Problem) Chosen()
    {
        if (!Later)
        {
            return (null, null);
        }

        if (Zone is null || Date is null || TimeOfDay is null)
        {
            return (null, "Choose the date and time to start sending.");
        }

        var (at, problem) = Zone.Resolve(DateOnly.FromDateTime(Date.Value), TimeOnly.FromTimeSpan(TimeOfDay.Value));
        return at <= time.GetUtcNow() ? (null, "That time has passed: choose one in the future.") : (at, problem);
    }
}
