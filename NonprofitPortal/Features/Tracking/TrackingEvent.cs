namespace NonprofitPortal.Features.Tracking;

/// <summary>
/// One fetch of a message's pixel or one click on one of its links. Written once, a batch at a
/// time, and never changed; whether it was the message's first (<see cref="IsFirst"/>) is decided
/// when it is written (<see cref="UniqueHits"/>), so that unique counts need no scan.
/// </summary>
public sealed class TrackingEvent
{
    public long Id { get; set; }

    /// <summary>The message. Not a foreign key: the history outlives the campaign's rows.</summary>
    public long SendId { get; set; }

    public long CampaignId { get; set; }

    /// <summary>Null when the nonprofit was deleted before the hit.</summary>
    public long? NonprofitId { get; set; }

    public TrackingEventKind Kind { get; set; }

    /// <summary>The link clicked, by its number in the campaign's links; null for an open.</summary>
    public int? LinkIndex { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The message's first open, or its first click on any link: what unique opens and clicks count.</summary>
    public bool IsFirst { get; set; }

    /// <summary>The message's first click on this link: what a link's unique clicks count.</summary>
    public bool IsFirstOnLink { get; set; }
}
