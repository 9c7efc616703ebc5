namespace NonprofitPortal.Features.Nonprofits;

/// <summary>The <c>type</c> of a history entry, as <c>GET /api/nonprofits/{id}/events</c> writes it.</summary>
public static class NonprofitEventTypes
{
    public const string Sent = "sent";
    public const string Failed = "failed";
    public const string Bounced = "bounced";
    public const string Complained = "complained";
    public const string Unsubscribed = "unsubscribed";
    public const string Opened = "opened";
    public const string Clicked = "clicked";
}
