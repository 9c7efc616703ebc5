namespace NonprofitPortal.Features.Tracking;

/// <summary>A fetch of a pixel or a click, as a tracking endpoint took it: not yet written.</summary>
/// <param name="LinkIndex">The link clicked; null for an open.</param>
public sealed record TrackingHit(long SendId, TrackingEventKind Kind, int? LinkIndex, DateTimeOffset At);
