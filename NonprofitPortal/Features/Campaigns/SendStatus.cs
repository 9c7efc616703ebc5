namespace NonprofitPortal.Features.Campaigns;

public enum SendStatus
{
    /// <summary>Waiting for <see cref="EmailSend.NextAttemptAt"/>, then claimable.</summary>
    Pending = 0,

    /// <summary>Claimed by a worker until <see cref="EmailSend.LeaseExpiresAt"/>; claimable again after that.</summary>
    Sending = 1,
    Sent = 2,
    Failed = 3,

    /// <summary>Not sent because the nonprofit opted out or was deleted after the campaign was launched.</summary>
    Skipped = 4,
}
