namespace NonprofitPortal.Features.Campaigns.Reports;

/// <summary>A row of a comparison: a count per campaign, its rate, and which way is better.</summary>
/// <param name="Rate">The count as a share (of delivered, or of recipients for the delivered row); null where there is nothing to divide by or the measure was not tracked.</param>
/// <param name="HigherIsBetter">Null where no value is better than another (the recipients).</param>
public sealed record ComparisonMeasure(
    string Key,
    string Label,
    string RateOf,
    Func<ComparedCampaign, int> Count,
    Func<ComparedCampaign, double?> Rate,
    bool? HigherIsBetter,
    Func<ComparedCampaign, bool> Tracked)
{
    public static IReadOnlyList<ComparisonMeasure> All { get; } =
    [
        new("recipients", "Recipients", "", c => c.Recipients, _ => null, null, _ => true),
        new("delivered", "Delivered", "of recipients", c => c.Delivered, c => Share(c.Delivered, c.Recipients), true, _ => true),
        OfDelivered("bounced", "Bounced", c => c.Bounced, higherIsBetter: false),
        OfDelivered("complained", "Reported as spam", c => c.Complained, higherIsBetter: false),
        OfDelivered("unsubscribed", "Unsubscribed", c => c.Unsubscribed, higherIsBetter: false),
        OfDelivered("unique-opens", "Opened (some mail clients open automatically)", c => c.UniqueOpens, higherIsBetter: true, c => c.TrackOpens),
        OfDelivered("unique-clicks", "Clicked", c => c.UniqueClicks, higherIsBetter: true, c => c.TrackClicks),
    ];

    /// <summary>The columns holding the best rate: none when fewer than two campaigns have one or all have the same.</summary>
    public IReadOnlySet<int> Best(IReadOnlyList<ComparedCampaign> campaigns)
    {
        if (HigherIsBetter is not { } higher)
        {
            return new HashSet<int>();
        }

        var rates = campaigns.Select((c, i) => (Index: i, Rate: Tracked(c) ? Rate(c) : null)).Where(r => r.Rate is not null).ToList();
        if (rates.Count < 2 || rates.All(r => r.Rate == rates[0].Rate))
        {
            return new HashSet<int>();
        }

        var best = higher ? rates.Max(r => r.Rate) : rates.Min(r => r.Rate);
        return rates.Where(r => r.Rate == best).Select(r => r.Index).ToHashSet();
    }

    private static ComparisonMeasure OfDelivered(string key, string label, Func<ComparedCampaign, int> count, bool higherIsBetter, Func<ComparedCampaign, bool>? tracked = null) =>
        new(key, label, "of delivered", count, c => Share(count(c), c.Delivered), higherIsBetter, tracked ?? (_ => true));

    private static double? Share(int count, int of) => of == 0 ? null : (double)count / of;
}
