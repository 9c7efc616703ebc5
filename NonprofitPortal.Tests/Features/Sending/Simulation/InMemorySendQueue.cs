using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Sending;
using NonprofitPortal.Features.Sending.Queue;

namespace NonprofitPortal.Tests.Features.Sending.Simulation;

/// <summary>
/// The pending-sends table's lease semantics, in memory, on simulated time: claims lease due rows,
/// renewals extend live leases, outcomes are fenced by owner, recovery makes expired rows pending
/// and keeps their owner (as <see cref="SendQueue"/> does in SQL). It can be made unreachable for a while.
/// </summary>
internal sealed class InMemorySendQueue(TimeProvider time, TimeSpan lease, CampaignContent campaign) : ISendQueue
{
    private readonly Lock _gate = new();
    private readonly List<Row> _rows = [];
    private DateTimeOffset _downUntil = DateTimeOffset.MinValue;

    public int Calls { get; private set; }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _rows.Count;
            }
        }
    }

    /// <summary>Rows sent, failed or skipped: nothing more will happen to them.</summary>
    public int Settled { get; private set; }

    public int FailedCalls { get; private set; }

    public void Add(int recipients)
    {
        lock (_gate)
        {
            for (var i = 0; i < recipients; i++)
            {
                var id = _rows.Count + 1;
                _rows.Add(new Row(id) { NextAttemptAt = time.GetUtcNow() });
            }
        }
    }

    /// <summary>Every call fails from now until <paramref name="until"/>, as a database that went away does.</summary>
    public void GoDown(DateTimeOffset until) => _downUntil = until;

    public IReadOnlyList<Row> Rows
    {
        get
        {
            lock (_gate)
            {
                return _rows.Select(r => r with { }).ToList();
            }
        }
    }

    public Task<ClaimedBatch> ClaimAsync(string owner, int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Reachable();
            var now = time.GetUtcNow();
            var until = now + lease;
            var claimed = new List<ClaimedSend>();
            foreach (var row in _rows.Where(r => r.Status == SendStatus.Pending && r.NextAttemptAt <= now).Take(limit))
            {
                (row.Status, row.Owner, row.LeaseUntil) = (SendStatus.Sending, owner, until);
                row.Attempts++;
                claimed.Add(new ClaimedSend(row.Id, campaign.Id, row.Id, Email(row.Id), $"Nonprofit {row.Id}", "1 Main Street", "", row.Attempts, null));
            }

            return Task.FromResult(new ClaimedBatch(claimed, until));
        }
    }

    public Task RecordAsync(string owner, IReadOnlyList<SendOutcome> outcomes, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Reachable();
            foreach (var outcome in outcomes)
            {
                var row = _rows[(int)outcome.SendId - 1];
                if (row.Owner != owner || row.Status is not (SendStatus.Pending or SendStatus.Sending))
                {
                    continue;
                }

                row.Status = outcome.Status;
                Settled += outcome.Status is SendStatus.Sent or SendStatus.Failed or SendStatus.Skipped ? 1 : 0;
                row.Attempts -= outcome.RefundAttempt ? 1 : 0;
                row.NextAttemptAt = outcome.NextAttemptAt ?? row.NextAttemptAt;
                (row.Owner, row.LeaseUntil) = (null, null);
                row.Error = outcome.Error ?? row.Error;
            }

            return Task.CompletedTask;
        }
    }

    public Task<int> RenewLeasesAsync(string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Reachable();
            var renewed = 0;
            foreach (var row in _rows.Where(r => r.Status == SendStatus.Sending && r.Owner == owner && r.LeaseUntil >= now))
            {
                row.LeaseUntil = until;
                renewed++;
            }

            return Task.FromResult(renewed);
        }
    }

    public Task<int> RecoverExpiredLeasesAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Reachable();
            var now = time.GetUtcNow();
            var recovered = 0;
            foreach (var row in _rows.Where(r => r.Status == SendStatus.Sending && r.LeaseUntil < now))
            {
                (row.Status, row.LeaseUntil) = (SendStatus.Pending, null);
                recovered++;
            }

            return Task.FromResult(recovered);
        }
    }

    public Task<CampaignContent> ContentAsync(long campaignId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Reachable();
            return Task.FromResult(campaign);
        }
    }

    public static string Email(long id) => $"nonprofit-{id}@example.org";

    private void Reachable()
    {
        Calls++;
        if (time.GetUtcNow() < _downUntil)
        {
            FailedCalls++;
            throw new InvalidOperationException("The database is not answering (simulated outage).");
        }
    }

    internal sealed record Row(long Id)
    {
        public SendStatus Status { get; set; }

        public string? Owner { get; set; }

        public DateTimeOffset? LeaseUntil { get; set; }

        public DateTimeOffset NextAttemptAt { get; set; }

        public int Attempts { get; set; }

        public string? Error { get; set; }
    }
}
