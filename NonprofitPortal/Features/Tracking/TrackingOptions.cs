namespace NonprofitPortal.Features.Tracking;

/// <summary>What a new draft or one-shot send tracks unless it says (<c>Tracking:*</c>): nothing, unless an admin chooses otherwise.</summary>
public sealed class TrackingOptions
{
    public const string Section = "Tracking";

    public bool Opens { get; set; }

    public bool Clicks { get; set; }

    public TrackingChoice Default => new(Opens, Clicks);
}
