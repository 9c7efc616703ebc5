namespace NonprofitPortal.Features.Tracking;

/// <summary><c>tracking: {opens, clicks}</c> as a request sends it: what is left out stays as it was (or takes the default).</summary>
public sealed record TrackingRequest(bool? Opens, bool? Clicks)
{
    public TrackingChoice Over(TrackingChoice current) => new(Opens ?? current.Opens, Clicks ?? current.Clicks);
}
