using System.Collections.Concurrent;
using MimeKit;
using NonprofitPortal.Features.Sending.Transport;

namespace NonprofitPortal.Tests.Features.Sending.Simulation;

/// <summary>A relay that takes every message (or answers as <see cref="Answer"/> says) and remembers what reached it and when.</summary>
internal sealed class SimulatedRelay(TimeProvider time)
{
    private readonly ConcurrentQueue<(string To, DateTimeOffset At)> _received = new();
    private readonly TimeProvider _time = time;
    private int _messages;

    /// <summary>Given the message's number at this relay (from 1), a reply other than "250 OK", or null to take it.</summary>
    public Func<int, Delivery?> Answer { get; set; } = _ => null;

    public IReadOnlyList<(string To, DateTimeOffset At)> Received => [.. _received];

    public IMailConnection Connect() => new Connection(this);

    private sealed class Connection(SimulatedRelay relay) : IMailConnection
    {
        public Task<Delivery> SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            var number = Interlocked.Increment(ref relay._messages);
            if (relay.Answer(number) is { } answer)
            {
                return Task.FromResult(answer);
            }

            relay._received.Enqueue((message.To.Mailboxes.Single().Address, relay._time.GetUtcNow()));
            return Task.FromResult<Delivery>(new Delivery.Accepted("250 2.0.0 OK"));
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
