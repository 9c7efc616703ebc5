using System.Threading.Channels;

namespace NonprofitPortal.Features.Tracking;

/// <summary>
/// The hits this node took and has not written yet. The endpoints answer at once and add here;
/// <see cref="TrackingHitWriter"/> writes them a batch at a time. Bounded: while the database
/// cannot keep up, hits past <see cref="Capacity"/> are dropped (and counted in the log) rather
/// than held without end.
/// </summary>
public sealed partial class TrackingHits(ILogger<TrackingHits> logger)
{
    public const int Capacity = 100_000;

    private readonly Channel<TrackingHit> _channel =
        Channel.CreateBounded<TrackingHit>(new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private long _dropped;

    public ChannelReader<TrackingHit> Reader => _channel.Reader;

    public void Add(TrackingHit hit)
    {
        if (!_channel.Writer.TryWrite(hit) && Interlocked.Increment(ref _dropped) % 1000 == 1)
        {
            LogDropped(Interlocked.Read(ref _dropped), Capacity);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tracking hits are coming faster than the database takes them: {Dropped} dropped so far ({Capacity} wait to be written)")]
    private partial void LogDropped(long dropped, int capacity);
}
