namespace NonprofitPortal.Features.Bounces;

/// <summary>
/// Decides what a bounce or a complaint does to the nonprofit it is about. A hard bounce
/// suppresses at once; soft bounces suppress once there are more than <see cref="SoftBounceLimit"/>
/// of them within <see cref="SoftBounceWindow"/> (counted since staff last allowed mail again); a
/// complaint opts out. A report about an address the nonprofit no longer has changes nothing.
/// </summary>
public sealed record SuppressionPolicy(int SoftBounceLimit, TimeSpan SoftBounceWindow)
{
    /// <summary>Soft bounces at or after this moment count towards the limit.</summary>
    public DateTimeOffset CountSoftBouncesSince(DateTimeOffset now, DateTimeOffset? allowedAgainAt) =>
        allowedAgainAt is { } cleared && cleared > now - SoftBounceWindow ? cleared : now - SoftBounceWindow;

    /// <param name="recentSoftBounces">The nonprofit's soft bounces since <see cref="CountSoftBouncesSince"/>, this one included.</param>
    public SuppressionVerdict Decide(DeliveryEventKind kind, RecipientStanding recipient, int recentSoftBounces)
    {
        if (!recipient.AddressStillCurrent)
        {
            return SuppressionVerdict.None;
        }

        return kind switch
        {
            DeliveryEventKind.HardBounce when !recipient.Suppressed => SuppressionVerdict.SuppressForHardBounce,
            DeliveryEventKind.SoftBounce when !recipient.Suppressed && recentSoftBounces > SoftBounceLimit => SuppressionVerdict.SuppressForSoftBounces,
            DeliveryEventKind.Complaint when !recipient.OptedOut => SuppressionVerdict.OptOut,
            _ => SuppressionVerdict.None,
        };
    }
}

/// <param name="AddressStillCurrent">The bounced address is still the nonprofit's email (it may have been corrected since).</param>
public sealed record RecipientStanding(bool Suppressed, bool OptedOut, bool AddressStillCurrent);
