namespace NonprofitPortal.Features.Campaigns.Reports;

/// <summary>
/// Bounce and complaint rates from counts, and whether they pass the limits mailbox providers
/// publish for bulk senders: 2% of the messages sent bouncing, 0.1% of those delivered reported as spam.
/// </summary>
public static class DeliveryThresholds
{
    public const double MaxBounceRate = 0.02;

    public const double MaxComplaintRate = 0.001;

    /// <summary>Bounces as a share of the messages sent; null when none were sent (there is no rate to judge).</summary>
    public static double? BounceRate(int sent, int bounced) => sent <= 0 ? null : Math.Min(1, (double)Math.Max(0, bounced) / sent);

    /// <summary>
    /// Complaints as a share of the messages delivered (sent and not bounced), as providers measure
    /// spam reports; null when none were delivered.
    /// </summary>
    public static double? ComplaintRate(int sent, int bounced, int complained)
    {
        var delivered = Delivered(sent, bounced);
        return delivered == 0 ? null : Math.Min(1, (double)Math.Max(0, complained) / delivered);
    }

    // Compared in whole numbers: 2% of 50 sent is exactly one bounce, which does not pass the limit.
    public static bool BouncesTooHigh(int sent, int bounced) => sent > 0 && bounced * 50L > sent;

    public static bool ComplaintsTooHigh(int sent, int bounced, int complained)
    {
        var delivered = Delivered(sent, bounced);
        return delivered > 0 && complained * 1000L > delivered;
    }

    private static long Delivered(int sent, int bounced) => Math.Max(0, (long)sent - Math.Max(0, bounced));
}
