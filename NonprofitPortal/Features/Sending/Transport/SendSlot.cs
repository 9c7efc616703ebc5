namespace NonprofitPortal.Features.Sending.Transport;

/// <summary>A connection of <see cref="Server"/> reserved for one message, which may go at <see cref="At"/>. Dispose to give it back.</summary>
public sealed class SendSlot(MailServer server, DateTimeOffset at, bool probe, MailServers owner) : IDisposable
{
    private int _released;

    public MailServer Server { get; } = server;

    public DateTimeOffset At { get; } = at;

    internal bool Probe { get; } = probe;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            owner.Release(this);
        }
    }
}
