namespace NonprofitPortal.Features.Bounces;

/// <summary>
/// One thing that happened to a sent message: a bounce, a complaint, an unsubscribe. Written once
/// and never changed; the nonprofit's history and the suppression decisions are read from these rows.
/// </summary>
public sealed class DeliveryEvent
{
    public const int MaxDetailLength = 1000;
    public const int MaxSourceLength = 100;
    public const int MaxExternalIdLength = 300;

    public long Id { get; set; }

    /// <summary>The message it is about. Not a foreign key: the history outlives the campaign's rows.</summary>
    public long? SendId { get; set; }

    public long? CampaignId { get; set; }

    /// <summary>Null when the nonprofit was deleted after the message was sent.</summary>
    public long? NonprofitId { get; set; }

    public DeliveryEventKind Kind { get; set; }

    /// <summary>The server's reply or the report's diagnostic, as received.</summary>
    public string Detail { get; set; } = "";

    /// <summary>Where it came from: a bounce mailbox's name, a provider (<c>ses</c>, <c>sendgrid</c>...), <c>smtp</c>, <c>unsubscribe link</c>.</summary>
    public string Source { get; set; } = "";

    /// <summary>
    /// The source's own id for the report (a bounce message's Message-ID, a provider's event id),
    /// unique per source: the same report read twice is recorded once.
    /// </summary>
    public string ExternalId { get; set; } = "";

    public DateTimeOffset At { get; set; }
}
