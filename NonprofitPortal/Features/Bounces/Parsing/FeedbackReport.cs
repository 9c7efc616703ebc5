namespace NonprofitPortal.Features.Bounces.Parsing;

/// <summary>
/// One recipient's bounce or complaint, as read from a report (a DSN, an ARF complaint, a
/// provider's webhook): what it says, and what it gives to find the message it is about.
/// </summary>
/// <param name="Class">Hard or soft, for a bounce; null for a complaint.</param>
/// <param name="Recipient">The address that bounced or complained, when the report names it (complaints often hide it).</param>
/// <param name="Detail">The status and the server's words, as shown to staff.</param>
/// <param name="OriginalMessageId">The Message-ID of the message it is about, without angle brackets.</param>
/// <param name="ReturnPaths">Addresses the report was sent to or names as the original's sender: where a VERP address would be.</param>
/// <param name="ExternalId">The source's id for this report and recipient: the same report read twice has the same id.</param>
public sealed record FeedbackReport(
    FeedbackKind Kind,
    BounceClass? Class,
    string? Recipient,
    string Detail,
    string? OriginalMessageId,
    IReadOnlyList<string> ReturnPaths,
    string ExternalId)
{
    public DeliveryEventKind EventKind => Kind == FeedbackKind.Complaint
        ? DeliveryEventKind.Complaint
        : Class == BounceClass.Hard ? DeliveryEventKind.HardBounce : DeliveryEventKind.SoftBounce;
}
