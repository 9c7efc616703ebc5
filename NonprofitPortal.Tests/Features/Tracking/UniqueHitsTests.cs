using NonprofitPortal.Features.Tracking;

namespace NonprofitPortal.Tests.Features.Tracking;

public sealed class UniqueHitsTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Only_a_messages_first_open_first_click_and_first_click_on_each_link_are_unique()
    {
        var hits = new[]
        {
            Open(1), Open(1), Click(1, 0), Click(1, 0), Click(1, 1), Open(2),
        };

        var counted = UniqueHits.Count(hits, new HashSet<long>(), new HashSet<long>(), new HashSet<(long, int)>());

        Assert.Equal([true, false, true, false, false, true], counted.Select(c => c.Unique));
        Assert.Equal([false, false, true, false, true, false], counted.Select(c => c.UniqueOnLink));
    }

    [Fact]
    public void Hits_repeating_what_earlier_batches_wrote_count_in_the_totals_only()
    {
        var counted = UniqueHits.Count([Open(1), Click(1, 0), Click(1, 2)], new HashSet<long> { 1 }, new HashSet<long> { 1 }, new HashSet<(long, int)> { (1, 0) });

        Assert.Equal([false, false, false], counted.Select(c => c.Unique));
        Assert.Equal([false, false, true], counted.Select(c => c.UniqueOnLink));
    }

    private static TrackingHit Open(long sendId) => new(sendId, TrackingEventKind.Opened, null, At);

    private static TrackingHit Click(long sendId, int link) => new(sendId, TrackingEventKind.Clicked, link, At);
}
