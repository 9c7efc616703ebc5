namespace NonprofitPortal.Features.Sending.Transport;

/// <summary>
/// Routes each message to a server. Among the servers of the best priority that are not set
/// aside, the one whose pace allows the earliest send wins, so traffic is shared in proportion
/// to their rate limits (or their speed, when unlimited). Lower priorities are used only while
/// every better server is set aside. The global <c>Sending:MessagesPerSecond</c> caps the sum.
/// </summary>
public sealed class MailServers : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly SendPacer _globalPacer;
    private readonly TimeProvider _time;
    private TaskCompletionSource _changed = NewSignal();

    internal MailServers(IReadOnlyList<MailServer> servers, double globalMessagesPerSecond, TimeProvider time)
    {
        All = servers;
        _globalPacer = new SendPacer(globalMessagesPerSecond);
        _time = time;
    }

    public IReadOnlyList<MailServer> All { get; }

    public MailServer? Find(string name) => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Waits for a free connection on the best usable server not in <paramref name="tried"/>.
    /// Null when none can take the message now (all set aside or tried): <see cref="NextProbeAt"/> says when to try again.
    /// </summary>
    public async Task<SendSlot?> ReserveAsync(IReadOnlyCollection<MailServer> tried, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                if (Choose(tried, now) is { } chosen)
                {
                    var probe = chosen.State(now) == MailServerState.Probing;
                    chosen.InUse++;
                    chosen.ProbeInFlight |= probe;
                    return new SendSlot(chosen, Later(chosen.Pacer.Take(now), _globalPacer.Take(now)), probe, this);
                }

                if (!All.Any(s => !tried.Contains(s) && IsUsable(s, now)))
                {
                    return null;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Waits for a free connection on <paramref name="server"/> alone, within its pace and the global
    /// one, whatever its state (its breaker decides whether it is tried): a test of that server.
    /// </summary>
    public async Task<SendSlot> ReserveOnAsync(MailServer server, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (server.InUse < server.Connections)
                {
                    var now = _time.GetUtcNow();
                    server.InUse++;
                    return new SendSlot(server, Later(server.Pacer.Take(now), _globalPacer.Take(now)), probe: false, this);
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }

    /// <summary>The pace the usable servers allow together now (each one's current limit, under the global cap); 0 when nothing limits it.</summary>
    public double MessagesPerSecond()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var bestPriority = All.Where(s => IsUsable(s, now)).Select(s => s.Priority).DefaultIfEmpty(int.MaxValue).Min();
            var best = All.Where(s => s.Priority == bestPriority && IsUsable(s, now)).ToList();
            var servers = best.Count == 0 || best.Any(s => s.Pacer.Current <= 0) ? 0 : best.Sum(s => s.Pacer.Current);
            var global = _globalPacer.Current;
            return global <= 0 ? servers : servers <= 0 ? global : Math.Min(servers, global);
        }
    }

    /// <summary>Whether any server could take a message now.</summary>
    public bool AnyUsable()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            return All.Any(s => IsUsable(s, now));
        }
    }

    /// <summary>The earliest moment a set-aside server will be probed (now, if one is usable).</summary>
    public DateTimeOffset NextProbeAt()
    {
        var now = _time.GetUtcNow();
        var earliest = All.Min(s => s.SetAsideUntil ?? now);
        return earliest < now ? now : earliest;
    }

    /// <summary>The server asked to be sent less: halve its pace for a while.</summary>
    public void SlowDown(MailServer server)
    {
        lock (_gate)
        {
            server.SlowDown(_time.GetUtcNow());
        }
    }

    public IReadOnlyList<MailServerStatus> Statuses()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            return All.Select(s => s.Status(now)).ToList();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in All)
        {
            await server.DisposeAsync();
        }
    }

    internal void Release(SendSlot slot)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            slot.Server.InUse--;
            if (slot.Probe)
            {
                slot.Server.ProbeInFlight = false;
            }

            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
    }

    /// <summary>
    /// Of the usable servers of the best priority, one with a free connection whose pace allows
    /// the earliest send (the least busy on a tie); null when they are all busy or none is usable.
    /// A loop rather than LINQ: this runs for every message.
    /// </summary>
    private MailServer? Choose(IReadOnlyCollection<MailServer> tried, DateTimeOffset now)
    {
        var bestPriority = int.MaxValue;
        foreach (var server in All)
        {
            if (server.Priority < bestPriority && !tried.Contains(server) && IsUsable(server, now))
            {
                bestPriority = server.Priority;
            }
        }

        MailServer? chosen = null;
        foreach (var server in All)
        {
            if (server.Priority != bestPriority || server.InUse >= server.Connections || tried.Contains(server) || !IsUsable(server, now))
            {
                continue;
            }

            if (chosen is null || Earlier(server, chosen, now))
            {
                chosen = server;
            }
        }

        return chosen;
    }

    private static bool Earlier(MailServer candidate, MailServer chosen, DateTimeOffset now)
    {
        var (candidateSlot, chosenSlot) = (candidate.Pacer.NextSlot(now), chosen.Pacer.NextSlot(now));
        return candidateSlot != chosenSlot
            ? candidateSlot < chosenSlot
            : (double)candidate.InUse / candidate.Connections < (double)chosen.InUse / chosen.Connections;
    }

    private static bool IsUsable(MailServer server, DateTimeOffset now) => server.State(now) switch
    {
        MailServerState.Up => true,
        MailServerState.Probing => !server.ProbeInFlight,
        _ => false,
    };

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
