using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using NonprofitPortal.Features.Sending;
using NonprofitPortal.Features.Sending.Transport;
using NonprofitPortal.Tests.Features.Sending.Simulation;

namespace NonprofitPortal.Tests.Features.Sending;

/// <summary>Routing, breakers and pacing over an hour of simulated traffic.</summary>
[Collection(SimulationCollection.Name)]
public sealed class MailServersSimulationTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_primary_down_for_an_hour_is_probed_about_once_per_break_while_the_backup_carries_every_message()
    {
        var time = new SimulatedTime();
        var backup = new SimulatedRelay(time);
        var primaryAttempts = 0;
        var metrics = SimulatedDrain.Metrics(time);
        var servers = new MailServers(
        [
            new MailServer("primary", "primary.test:25", 1, 2, 0, TimeSpan.FromSeconds(30), () => new RefusingConnection(() => Interlocked.Increment(ref primaryAttempts)), time, NullLogger.Instance, metrics),
            new MailServer("backup", "backup.test:25", 2, 2, 0, TimeSpan.FromSeconds(30), backup.Connect, time, NullLogger.Instance, metrics),
        ], 0, time);
        var transport = new RoutedMailTransport(servers, SimulatedDrain.Unsigned(time), time);
        var sent = 0;

        var traffic = Task.Run(async () =>
        {
            for (var i = 0; i < 7200; i++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), time, Cancel);
                await transport.SendAsync(Message(i), Cancel);
                Interlocked.Increment(ref sent);
            }
        }, Cancel);
        await time.RunUntilAsync(() => traffic.IsCompleted, TimeSpan.FromHours(2), Cancel);

        await traffic;
        Assert.Equal(7200, backup.Received.Count);
        // Set aside after its first failures, then one probe per 30 s break for an hour.
        Assert.InRange(primaryAttempts, 115, 130);
    }

    private static MimeMessage Message(int number)
    {
        var message = new MimeMessage { Subject = $"Message {number}", Body = new TextPart("plain") { Text = "Hello" } };
        message.From.Add(new MailboxAddress("Foundation", "news@foundation.test"));
        message.To.Add(new MailboxAddress($"N{number}", $"n{number}@example.org"));
        return message;
    }

    private sealed class RefusingConnection(Action attempted) : IMailConnection
    {
        public Task<Delivery> SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            attempted();
            throw new ServerUnavailableException("primary: Connection refused");
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
