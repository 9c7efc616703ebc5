using NonprofitPortal.Features.Bounces.Mailboxes;
using NonprofitPortal.Features.Bounces.Webhooks;

namespace NonprofitPortal.Features.Bounces;

/// <summary>Where bounces and complaints come from, and what they do (<c>Bounces:*</c>).</summary>
public sealed class BounceOptions
{
    public const string Section = "Bounces";

    /// <summary>When set, each campaign message's envelope sender and Return-Path is <c>bounces+&lt;token&gt;@</c> this domain (VERP).</summary>
    public string? ReturnPathDomain { get; set; }

    /// <summary>How often the bounce mailboxes are read (once for the whole cluster).</summary>
    public double PollSeconds { get; set; } = 60;

    /// <summary>Soft bounces tolerated within the window; the one past it suppresses the nonprofit.</summary>
    public int SoftBounceLimit { get; set; } = 3;

    public int SoftBounceWindowDays { get; set; } = 30;

    public List<BounceMailboxOptions> Mailboxes { get; set; } = [];

    public BounceWebhookOptions Webhooks { get; set; } = new();

    public TimeSpan Poll => TimeSpan.FromSeconds(PollSeconds);

    public SuppressionPolicy Policy => new(SoftBounceLimit, TimeSpan.FromDays(SoftBounceWindowDays));
}
