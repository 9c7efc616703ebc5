namespace NonprofitPortal.Features.Campaigns.Reports;

/// <summary>The last days of sending, oldest first, every day present (a quiet day counts zero), judged as a whole.</summary>
public sealed record SendingHealthReport(IReadOnlyList<SendingDay> Days)
{
    public int Sent => Days.Sum(d => d.Sent);

    public int Bounced => Days.Sum(d => d.Bounced);

    public int Complained => Days.Sum(d => d.Complained);

    public double? BounceRate => DeliveryThresholds.BounceRate(Sent, Bounced);

    public double? ComplaintRate => DeliveryThresholds.ComplaintRate(Sent, Bounced, Complained);

    public bool TooManyBounces => DeliveryThresholds.BouncesTooHigh(Sent, Bounced);

    public bool TooManyComplaints => DeliveryThresholds.ComplaintsTooHigh(Sent, Bounced, Complained);
}
