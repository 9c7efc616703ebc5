using NonprofitPortal.Features.Campaigns;

namespace NonprofitPortal.Features.Sending.Queue;

/// <summary>What to write back for one claimed row; the lease ends with it.</summary>
public sealed record SendOutcome(
    long SendId,
    long CampaignId,
    SendStatus Status,
    DateTimeOffset At,
    string? MessageId = null,
    string? ServerName = null,
    string? ServerReply = null,
    string? Error = null,
    DateTimeOffset? NextAttemptAt = null,
    bool RefundAttempt = false,
    bool Rejected = false)
{
    public static SendOutcome Sent(ClaimedSend send, DateTimeOffset at, string messageId, string server, string reply) =>
        new(send.Id, send.CampaignId, SendStatus.Sent, at, messageId, server, Trim(reply, 300));

    /// <param name="rejected">The server refused the message outright (5xx): a hard bounce, not only a failure.</param>
    public static SendOutcome Failed(ClaimedSend send, DateTimeOffset at, string error, string? messageId = null, string? server = null, bool rejected = false) =>
        new(send.Id, send.CampaignId, SendStatus.Failed, at, messageId, server, Error: Trim(error, 1000), Rejected: rejected);

    public static SendOutcome Skipped(ClaimedSend send, DateTimeOffset at, string reason) =>
        new(send.Id, send.CampaignId, SendStatus.Skipped, at, Error: reason);

    /// <summary>Back to pending until <paramref name="next"/>. <paramref name="refund"/> when the message was not at fault (the server was), so the attempt does not count.</summary>
    public static SendOutcome Retry(ClaimedSend send, DateTimeOffset at, DateTimeOffset next, string? error, bool refund, string? server = null) =>
        new(send.Id, send.CampaignId, SendStatus.Pending, at, ServerName: server, Error: error is null ? null : Trim(error, 1000), NextAttemptAt: next, RefundAttempt: refund);

    private static string Trim(string text, int length) => text.Length <= length ? text : text[..length];
}
