namespace NonprofitPortal.Features.Campaigns.Sends;

/// <summary>One recipient of a campaign as the per-recipient log shows it: what happened to their message.</summary>
/// <param name="Server">The SMTP server (or pickup folder) that took the message.</param>
/// <param name="Reply">What that server answered on taking it (usually with its queue id), or the last refusal of a message not sent.</param>
/// <param name="MessageId">The Message-ID the message went out with.</param>
/// <param name="BouncedAt">The first bounce reported for it (a hard one when there is one).</param>
/// <param name="OpenedAt">Its first open, when the campaign counted opens.</param>
/// <param name="ClickedAt">Its first tracked click, when the campaign counted clicks.</param>
public sealed record SendLogEntry(
    long Id,
    long? NonprofitId,
    string Name,
    string Email,
    SendStatus Status,
    int Attempts,
    string? Server,
    string? Reply,
    DateTimeOffset? SentAt,
    string? MessageId,
    DateTimeOffset? BouncedAt,
    BounceType? BounceType,
    DateTimeOffset? ComplainedAt,
    DateTimeOffset? OpenedAt,
    DateTimeOffset? ClickedAt);
