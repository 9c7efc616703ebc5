namespace NonprofitPortal.Features.Tracking;

public enum TrackingEventKind
{
    /// <summary>The message's pixel was fetched: opened, or loaded by a mail client or proxy on its own.</summary>
    Opened = 0,

    /// <summary>A tracked link of the message was followed.</summary>
    Clicked = 1,
}
