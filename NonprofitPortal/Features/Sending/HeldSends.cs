using NonprofitPortal.Features.Sending.Queue;

namespace NonprofitPortal.Features.Sending;

/// <summary>
/// The rows this worker holds, from their claim until their outcome is written, and how long their
/// leases last as far as this worker knows: what the claim set, extended by each renewal that
/// found the lease still running. A row whose lease this worker no longer knows to be running is
/// never handed to a server (<see cref="MaySend"/>), and a row already held is never held twice.
/// Thread-safe.
/// </summary>
internal sealed class HeldSends(SendingRules rules)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, Lease> _held = [];
    private readonly HashSet<Lease> _leases = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _held.Count;
            }
        }
    }

    /// <summary>Takes a claim's rows in; returns those this worker did not hold already, each with its lease.</summary>
    public IReadOnlyList<HeldSend> Claimed(ClaimedBatch batch)
    {
        var lease = new Lease(batch.LeaseUntil);
        var taken = new List<HeldSend>(batch.Sends.Count);
        lock (_gate)
        {
            foreach (var send in batch.Sends)
            {
                // A row recovered from this worker while its outcome waited for the database, then
                // claimed again by it: the copy it holds already is the one that counts.
                if (_held.TryAdd(send.Id, lease))
                {
                    lease.Rows++;
                    taken.Add(new HeldSend(send, lease));
                }
            }

            if (lease.Rows > 0)
            {
                _leases.Add(lease);
            }
        }

        return taken;
    }

    /// <summary>A renewal started at <paramref name="at"/> extended to <paramref name="until"/> every lease still running then.</summary>
    public void Renewed(DateTimeOffset at, DateTimeOffset until)
    {
        lock (_gate)
        {
            foreach (var lease in _leases)
            {
                if (lease.Until >= at && lease.Until < until)
                {
                    lease.Until = until;
                }
            }
        }
    }

    public bool MaySend(HeldSend send, DateTimeOffset now)
    {
        lock (_gate)
        {
            return rules.MaySend(send.Lease.Until, now);
        }
    }

    /// <summary>The rows' outcomes are written (or will never be): they are no longer held.</summary>
    public void Released(IEnumerable<long> sendIds)
    {
        lock (_gate)
        {
            foreach (var id in sendIds)
            {
                if (_held.Remove(id, out var lease) && --lease.Rows == 0)
                {
                    _leases.Remove(lease);
                }
            }
        }
    }

    /// <summary>The lease shared by the rows of one claim; guarded by the owner's lock.</summary>
    internal sealed class Lease(DateTimeOffset until)
    {
        public DateTimeOffset Until { get; set; } = until;

        public int Rows { get; set; }
    }
}

/// <summary>A claimed row and the lease it is held under.</summary>
internal sealed record HeldSend(ClaimedSend Send, HeldSends.Lease Lease);
