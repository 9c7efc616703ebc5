namespace NonprofitPortal.Features.Sending.Queue;

/// <summary>A row of the pending-sends table, leased to this worker until it records what became of it.</summary>
/// <param name="Attempts">Including this one.</param>
/// <param name="SkipReason">Why it must not be sent after all (the nonprofit opted out or was deleted since launch); null to send.</param>
public sealed record ClaimedSend(
    long Id,
    long CampaignId,
    long? NonprofitId,
    string Email,
    string Name,
    string Address,
    string Tags,
    int Attempts,
    string? SkipReason);
