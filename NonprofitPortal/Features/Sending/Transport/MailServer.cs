using System.Collections.Concurrent;
using MimeKit;
using Polly;
using Polly.CircuitBreaker;

namespace NonprofitPortal.Features.Sending.Transport;

/// <summary>
/// One relay (or the pickup folder): its own pool of open connections, its own pace, and its
/// own circuit breaker. <see cref="MailServers"/> decides which server takes each message.
/// </summary>
public sealed class MailServer : IAsyncDisposable
{
    private readonly Func<IMailConnection> _connect;
    private readonly ConcurrentBag<IMailConnection> _idle = [];
    private readonly ResiliencePipeline<Delivery> _breaker;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SendingMetrics _metrics;
    private readonly SlidingCounter _sentLastHour = new(TimeSpan.FromMinutes(1), 60);
    private readonly SlidingCounter _failedLastHour = new(TimeSpan.FromMinutes(1), 60);
    private readonly SlidingCounter _sentLastSeconds = new(TimeSpan.FromSeconds(1), 10);
    private readonly Lock _gate = new();
    private DateTimeOffset? _setAsideUntil;
    private string? _lastError;
    private DateTimeOffset? _lastErrorAt;

    internal MailServer(
        string name, string address, int priority, int connections, double messagesPerSecond, TimeSpan breakDuration,
        Func<IMailConnection> connect, TimeProvider time, ILogger logger, SendingMetrics metrics)
    {
        _metrics = metrics;
        Name = name;
        Address = address;
        Priority = priority;
        Connections = connections;
        Pacer = new SendPacer(messagesPerSecond);
        _connect = connect;
        _time = time;
        _logger = logger;
        // Typed by its outcome: an untyped pipeline bridges every call through two more async layers.
        _breaker = new ResiliencePipelineBuilder<Delivery> { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<Delivery>
            {
                ShouldHandle = new PredicateBuilder<Delivery>().Handle<ServerUnavailableException>(),
                FailureRatio = 0.5,
                MinimumThroughput = 2,
                SamplingDuration = TimeSpan.FromSeconds(2),
                BreakDuration = breakDuration,
                OnOpened = arguments =>
                {
                    SetAside(_time.GetUtcNow() + arguments.BreakDuration);
                    _logger.LogWarning("Mail server {Server} set aside for {BreakDuration}: {Error}", Name, arguments.BreakDuration, _lastError);
                    return default;
                },
                OnClosed = _ =>
                {
                    SetAside(null);
                    _logger.LogInformation("Mail server {Server} is answering again", Name);
                    return default;
                },
            })
            .Build();
    }

    public string Name { get; }

    /// <summary>Host and port, or the pickup folder: never credentials.</summary>
    public string Address { get; }

    /// <summary>1 is used before 2; a lower priority takes traffic only while every better server is set aside.</summary>
    public int Priority { get; }

    public int Connections { get; }

    /// <summary>Guarded by <see cref="MailServers"/>' lock: it reserves slots and connections for senders.</summary>
    internal SendPacer Pacer { get; }

    /// <summary>Guarded by <see cref="MailServers"/>' lock.</summary>
    internal int InUse { get; set; }

    /// <summary>Guarded by <see cref="MailServers"/>' lock: after a break, one message at a time probes the server.</summary>
    internal bool ProbeInFlight { get; set; }

    public MailServerState State(DateTimeOffset now)
    {
        lock (_gate)
        {
            return _setAsideUntil is not { } until ? MailServerState.Up
                : now < until ? MailServerState.SetAside
                : MailServerState.Probing;
        }
    }

    /// <summary>When a server that is set aside will be probed; null when it is up.</summary>
    public DateTimeOffset? SetAsideUntil
    {
        get
        {
            lock (_gate)
            {
                return _setAsideUntil;
            }
        }
    }

    public double RatePerSecond(DateTimeOffset now) => _sentLastSeconds.PerSecond(now);

    /// <summary>Sends on an idle connection (opening one if none is idle) through the circuit breaker.</summary>
    /// <exception cref="ServerUnavailableException">The server failed, or is set aside; the message was not taken.</exception>
    public async Task<Delivery> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var connection = _idle.TryTake(out var idle) ? idle : _connect();
        try
        {
            var started = _time.GetTimestamp();
            var delivery = await _breaker.ExecuteAsync(
                static (state, token) => new ValueTask<Delivery>(state.connection.SendAsync(state.message, token)),
                (connection, message),
                cancellationToken);
            _metrics.Sent(Name, _time.GetElapsedTime(started));
            Count(delivery);
            return delivery;
        }
        catch (ServerUnavailableException exception)
        {
            Fail(exception.Message);
            throw;
        }
        catch (BrokenCircuitException exception)
        {
            throw new ServerUnavailableException($"{Name} is set aside: {_lastError}", exception);
        }
        finally
        {
            _idle.Add(connection);
        }
    }

    /// <summary>The server answered "slow down" (421, 450, 451): halve its pace for a while.</summary>
    internal void SlowDown(DateTimeOffset now) => Pacer.SlowDown(now, RatePerSecond(now));

    internal MailServerStatus Status(DateTimeOffset now)
    {
        string? lastError;
        DateTimeOffset? lastErrorAt;
        lock (_gate)
        {
            (lastError, lastErrorAt) = (_lastError, _lastErrorAt);
        }

        return new MailServerStatus(
            Name, Address, Priority, State(now), RatePerSecond(now), Pacer.Current, Pacer.Limit, InUse, Connections,
            _sentLastHour.Total(now), _failedLastHour.Total(now), lastError, lastErrorAt);
    }

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var connection))
        {
            await connection.DisposeAsync();
        }
    }

    private void Count(Delivery delivery)
    {
        var now = _time.GetUtcNow();
        if (delivery is Delivery.Accepted)
        {
            _sentLastHour.Add(now);
            _sentLastSeconds.Add(now);
        }
        else
        {
            Fail(delivery.Reply);
        }
    }

    private void Fail(string error)
    {
        var now = _time.GetUtcNow();
        _failedLastHour.Add(now);
        lock (_gate)
        {
            _lastError = error;
            _lastErrorAt = now;
        }
    }

    private void SetAside(DateTimeOffset? until)
    {
        lock (_gate)
        {
            _setAsideUntil = until;
        }
    }
}
