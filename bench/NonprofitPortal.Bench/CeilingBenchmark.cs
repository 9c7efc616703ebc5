using System.Diagnostics;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NonprofitPortal.Features.Drafts.Templates;
using NonprofitPortal.Features.Sending;
using NonprofitPortal.Features.Sending.Queue;

namespace NonprofitPortal.Bench;

/// <summary>
/// What the mail libraries alone allow on this machine, with no queue, no database and no
/// bookkeeping, against smtp-source into the same smtp-sink in the same run: MailKit sending one
/// ready message over and over, then our composing (Scriban, the send token, MimeKit) plus MailKit
/// for each message. The drain cannot beat the second figure. Before them, composing alone on one
/// thread: time and bytes allocated per message, with and without writing it out.
/// </summary>
public static class CeilingBenchmark
{
    public static async Task RunAsync(int messages, int connections, string workDirectory)
    {
        await using var sink = await SendingBenchmark.Sink.StartAsync();
        await using var app = await SendingBenchmark.BuildAsync("Sqlite", $"Data Source={Path.Combine(workDirectory, "ceiling.db")}", sink.Port, connections);
        var composer = app.Services.GetRequiredService<CampaignMessages>();
        var campaign = composer.ComposerFor(new CampaignContent(1, SendingBenchmark.Subject, SendingBenchmark.Body, ["officer@foundation.test"], "bench@foundation.test", "bench@foundation.test"));
        MimeMessage Compose(int i) => composer.Compose(campaign, new ClaimedSend(i, 1, i, $"np{i}@d1.example", $"Nonprofit {i}", $"{i} Main Street, Springfield", "", 1, null), CancellationToken.None).Message!;

        var renderer = app.Services.GetRequiredService<TemplateRenderer>();
        var model = new TemplateModel(new NonprofitValues("Nonprofit 1", "1 Main Street, Springfield", "np1@d1.example", []), new FoundationValues("Foundation"), new SenderValues("bench@foundation.test", "bench@foundation.test"), composer.UnsubscribeUrl(1), DateOnly.FromDateTime(DateTime.UtcNow));
        for (var round = 0; round < 2; round++)
        {
            OneThread(messages, Compose, write: false, "compose alone, one thread");
            OneThread(messages, Compose, write: true, "compose and write, one thread");
            OneStep(messages, () => renderer.Render(SendingBenchmark.Subject, SendingBenchmark.Body, model, CancellationToken.None), "  of which Scriban (subject, HTML, text)");
            OneStep(messages, () => composer.UnsubscribeUrl(1), "  of which the unsubscribe link");
        }

        // smtp-source before and after the rounds, the ratios to the faster run: this VM's speed
        // drifts within a minute, and a slow moment of smtp-source must not flatter the ratios.
        var messageBytes = SendingBenchmark.SampleMessageBytes(app.Services);
        var sourceBefore = await sink.SourceRateAsync(messages, messageBytes, connections);

        // Twice each, the first to let the JIT finish: the second figures are reported.
        var mailKit = 0.0;
        var composed = 0.0;
        for (var round = 0; round < 2; round++)
        {
            mailKit = await RateAsync(sink.Port, messages, connections, () => Compose(0) is var ready ? _ => ready : null!, dispose: false, "MailKit, one ready message per connection");
            composed = await RateAsync(sink.Port, messages, connections, () => Compose, dispose: true, "compose + MailKit");
        }

        var sourceAfter = await sink.SourceRateAsync(messages, messageBytes, connections);
        var limit = Math.Max(sourceBefore, sourceAfter);
        Console.WriteLine($"smtp-source: {sourceBefore:N0} msg/s before, {sourceAfter:N0} after; MailKit alone {mailKit / limit:F2} of it; compose + MailKit {composed / limit:F2} of it");
        Console.WriteLine($"RESULT messages={messages} connections={connections} source={limit:F0} source_before={sourceBefore:F0} source_after={sourceAfter:F0} mailkit={mailKit:F0} composed={composed:F0} mailkit_ratio={mailKit / limit:F2} composed_ratio={composed / limit:F2}");
    }

    private static void OneThread(int messages, Func<int, MimeMessage> compose, bool write, string what)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        for (var i = 1; i <= messages; i++)
        {
            using var message = compose(i);
            if (write)
            {
                message.WriteTo(Stream.Null);
            }
        }

        Console.WriteLine($"{what}: {watch.Elapsed.TotalMicroseconds / messages:F1} µs and {(GC.GetAllocatedBytesForCurrentThread() - allocated) / messages:N0} bytes allocated per message");
    }

    private static void OneStep(int times, Func<object> step, string what)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < times; i++)
        {
            step();
        }

        Console.WriteLine($"{what}: {watch.Elapsed.TotalMicroseconds / times:F1} µs and {(GC.GetAllocatedBytesForCurrentThread() - allocated) / times:N0} bytes allocated");
    }

    /// <param name="messagesOfOneConnection">Called once per connection: a MimeMessage is not to be sent by two connections at once.</param>
    /// <param name="dispose">Whether each message is disposed once sent, as the drain does.</param>
    internal static async Task<double> RateAsync(int port, int messages, int connections, Func<Func<int, MimeMessage>> messagesOfOneConnection, bool dispose, string what)
    {
        var next = 0;
        var collections = GC.CollectionCount(0);
        var paused = GC.GetTotalPauseDuration();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            var message = messagesOfOneConnection();
            using var client = new SmtpClient();
            await client.ConnectAsync("127.0.0.1", port, SecureSocketOptions.None);
            // The app's connection never measures a message for SIZE (it would write it twice); a
            // plain SmtpClient does so only when the server offers SIZE, which would skew this figure.
            if (client.Capabilities.HasFlag(SmtpCapabilities.Size))
            {
                throw new InvalidOperationException("smtp-sink offers SIZE: this client would write every message twice, the app's once.");
            }

            int i;
            while ((i = Interlocked.Increment(ref next)) <= messages)
            {
                var sending = message(i);
                // As the app's connection sends a campaign message: with the envelope it carries.
                await (sending is EnvelopedMessage enveloped
                    ? client.SendAsync(FormatOptions.Default, sending, enveloped.EnvelopeSender, enveloped.EnvelopeRecipients)
                    : client.SendAsync(sending));
                if (dispose)
                {
                    sending.Dispose();
                }
            }

            await client.DisconnectAsync(quit: true);
        })));
        var rate = messages / watch.Elapsed.TotalSeconds;
        Console.WriteLine($"{what}: {rate:N0} msg/s, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / messages:F0} µs of CPU per message; "
            + $"{GC.CollectionCount(0) - collections:N0} collections, paused {(GC.GetTotalPauseDuration() - paused) / watch.Elapsed:P0} of the time");
        return rate;
    }
}
