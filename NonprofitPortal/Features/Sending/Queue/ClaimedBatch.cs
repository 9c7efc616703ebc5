namespace NonprofitPortal.Features.Sending.Queue;

/// <summary>Rows leased to one worker by one claim, all until <see cref="LeaseUntil"/>.</summary>
public sealed record ClaimedBatch(IReadOnlyList<ClaimedSend> Sends, DateTimeOffset LeaseUntil)
{
    public static ClaimedBatch Empty(DateTimeOffset now) => new([], now);
}
