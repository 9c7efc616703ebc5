using Microsoft.JSInterop;

namespace NonprofitPortal.Features.Campaigns.Pages;

/// <summary>
/// The user's time zone as the browser reports it (wwwroot/js/time-zone.js): its IANA zone when
/// this server knows it, so that a date across a daylight-saving change gets that date's offset;
/// else the browser's present offset; else UTC, said as such.
/// </summary>
public sealed record BrowserTimeZone(string Name, TimeZoneInfo Zone)
{
    public static BrowserTimeZone Utc { get; } = new("UTC", TimeZoneInfo.Utc);

    public static async Task<BrowserTimeZone> ReadAsync(IJSRuntime js, CancellationToken cancellationToken)
    {
        try
        {
            await using var module = await js.InvokeAsync<IJSObjectReference>("import", cancellationToken, "./js/time-zone.js");
            var reported = await module.InvokeAsync<Reported?>("timeZone", cancellationToken);
            return reported is null ? Utc : From(reported.Id, reported.OffsetMinutes);
        }
        catch (Exception exception) when (exception is JSException or JSDisconnectedException or InvalidOperationException or TaskCanceledException)
        {
            return Utc;
        }
    }

    public static BrowserTimeZone From(string? id, int offsetMinutes)
    {
        if (!string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            return new BrowserTimeZone(id, zone);
        }

        var offset = TimeSpan.FromMinutes(Math.Clamp(offsetMinutes, -14 * 60, 14 * 60));
        return offset == TimeSpan.Zero ? Utc : new BrowserTimeZone(Offset(offset), TimeZoneInfo.CreateCustomTimeZone(Offset(offset), offset, Offset(offset), Offset(offset)));
    }

    /// <summary>The instant a wall-clock time in this zone means, or why it means none.</summary>
    public (DateTimeOffset? At, string? Problem) Resolve(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            return (null, $"{local:yyyy-MM-dd HH:mm} does not exist in {Name}: the clocks skip it.");
        }

        var offset = Zone.GetUtcOffset(local);
        return (new DateTimeOffset(local, offset), null);
    }

    /// <summary>"Europe/Paris (UTC+01:00)", with the offset that applies at <paramref name="at"/>.</summary>
    public string Describe(DateTimeOffset at) => Name == "UTC" ? "UTC" : $"{Name} ({Offset(Zone.GetUtcOffset(at))})";

    private static string Offset(TimeSpan offset) => $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm}";

    /// <summary>What the script answers.</summary>
    internal sealed record Reported(string Id, int OffsetMinutes);
}
