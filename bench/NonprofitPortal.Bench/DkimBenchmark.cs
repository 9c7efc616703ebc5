using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;
using NonprofitPortal.Features.Sending;
using NonprofitPortal.Features.Sending.Dkim;
using NonprofitPortal.Features.Sending.Queue;

namespace NonprofitPortal.Bench;

/// <summary>
/// What DKIM signing costs: composing (<c>CampaignMessages.Compose</c>) plus MailKit against
/// smtp-source, in the same run, once without a key and once with a 2048-bit key for the From
/// domain; and composing alone on one thread, to see the signing's own CPU per message.
/// </summary>
public static class DkimBenchmark
{
    public static async Task RunAsync(int messages, int connections, string workDirectory)
    {
        await using var sink = await SendingBenchmark.Sink.StartAsync();
        await using var app = await SendingBenchmark.BuildAsync("Sqlite", $"Data Source={Path.Combine(workDirectory, "dkim.db")}", sink.Port, connections);
        using var rsa = RSA.Create(2048);
        var key = new DkimKeyOptions { Domain = "foundation.test", Selector = "bench", PrivateKey = rsa.ExportPkcs8PrivateKeyPem() };
        var unsigned = Composer(app.Services, new DkimOptions());
        var signed = Composer(app.Services, new DkimOptions { Keys = [key] });
        Assert(unsigned(1).Headers.Contains(HeaderId.DkimSignature) == false && signed(1).Headers.Contains(HeaderId.DkimSignature), "only the keyed composer signs");

        // Twice each, alternating, the first to let the JIT finish: the second figures are reported.
        var (plain, dkim, plainCpu, dkimCpu) = (0.0, 0.0, 0.0, 0.0);
        for (var round = 0; round < 2; round++)
        {
            plain = await CeilingBenchmark.RateAsync(sink.Port, messages, connections, () => unsigned, dispose: true, "compose + MailKit, unsigned");
            dkim = await CeilingBenchmark.RateAsync(sink.Port, messages, connections, () => signed, dispose: true, "compose + MailKit, DKIM-signed");
            plainCpu = ComposeCpu(unsigned, messages / 5, "compose alone, one thread, unsigned");
            dkimCpu = ComposeCpu(signed, messages / 5, "compose alone, one thread, DKIM-signed");
        }

        var limit = await sink.SourceRateAsync(messages, SendingBenchmark.SampleMessageBytes(app.Services), connections);
        Console.WriteLine($"smtp-source: {limit:N0} msg/s; unsigned {plain / limit:F2} of it, signed {dkim / limit:F2} of it; signed / unsigned {dkim / plain:F2}; signing adds {dkimCpu - plainCpu:F0} µs of CPU per message");
        Console.WriteLine($"RESULT messages={messages} connections={connections} source={limit:F0} unsigned={plain:F0} signed={dkim:F0} signed_ratio={dkim / plain:F2} compose_us={plainCpu:F0} signed_compose_us={dkimCpu:F0}");
    }

    private static Func<int, MimeMessage> Composer(IServiceProvider services, DkimOptions dkim)
    {
        var signer = new MessageSigner(Options.Create(dkim), services.GetRequiredService<IHostEnvironment>(), TimeProvider.System);
        var composer = ActivatorUtilities.CreateInstance<CampaignMessages>(services, signer);
        var campaign = composer.ComposerFor(new CampaignContent(1, SendingBenchmark.Subject, SendingBenchmark.Body, ["officer@foundation.test"], "bench@foundation.test", "bench@foundation.test"));
        return i => composer.Compose(campaign, new ClaimedSend(i, 1, i, $"np{i}@d1.example", $"Nonprofit {i}", $"{i} Main Street, Springfield", "", 1, null), CancellationToken.None).Message!;
    }

    /// <returns>Microseconds of CPU per composed message.</returns>
    private static double ComposeCpu(Func<int, MimeMessage> compose, int messages, string what)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 1; i <= messages; i++)
        {
            compose(i).Dispose();
        }

        var perMessage = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / messages;
        Console.WriteLine($"{what}: {perMessage:F0} µs of CPU per message");
        return perMessage;
    }

    private static void Assert(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Expected {what}.");
        }
    }
}
