namespace NonprofitPortal.Features.Campaigns.Reports;

/// <summary>What every campaign together sent, and saw bounce or reported as spam, on one day.</summary>
public sealed record SendingDay(DateOnly Date, int Sent, int Bounced, int Complained)
{
    public double? BounceRate => DeliveryThresholds.BounceRate(Sent, Bounced);

    public double? ComplaintRate => DeliveryThresholds.ComplaintRate(Sent, Bounced, Complained);
}
