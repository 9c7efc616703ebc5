namespace NonprofitPortal.Features.Tracking;

/// <summary>
/// What counts as unique: a message's first open, its first click on any link, and its first click
/// on each link. Every later fetch or click of the same message counts in the totals only (mail
/// clients fetch images again, people click twice, scanners follow links before people do).
/// </summary>
public static class UniqueHits
{
    /// <param name="hits">New hits, in the order they came.</param>
    /// <param name="opened">Messages that already have an open.</param>
    /// <param name="clicked">Messages that already have a click.</param>
    /// <param name="clickedLinks">Links already clicked from each message.</param>
    /// <returns>Each hit, with whether it is unique for its message and for its link.</returns>
    public static IReadOnlyList<(TrackingHit Hit, bool Unique, bool UniqueOnLink)> Count(
        IEnumerable<TrackingHit> hits,
        IReadOnlySet<long> opened,
        IReadOnlySet<long> clicked,
        IReadOnlySet<(long SendId, int LinkIndex)> clickedLinks)
    {
        var opens = new HashSet<long>(opened);
        var clicks = new HashSet<long>(clicked);
        var links = new HashSet<(long, int)>(clickedLinks);
        return hits.Select(hit => hit.Kind == TrackingEventKind.Opened
                ? (hit, opens.Add(hit.SendId), false)
                : (hit, clicks.Add(hit.SendId), hit.LinkIndex is { } link && links.Add((hit.SendId, link))))
            .ToList();
    }
}
