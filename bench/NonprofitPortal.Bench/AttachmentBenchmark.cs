using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Drafts;
using NonprofitPortal.Features.Media;
using NonprofitPortal.Features.Nonprofits;
using NonprofitPortal.Features.Sending;
using NonprofitPortal.Features.Sending.Queue;

namespace NonprofitPortal.Bench;

/// <summary>
/// A campaign whose every message carries a 1 MB attachment, drained into a real smtp-sink on
/// SQLite, against smtp-source pushing as many messages of the same size over as many
/// connections: with the attachment encoded once per campaign, the drain should come close to
/// what the relay and the bytes allow, and hold no more memory than one encoded copy and the
/// messages in flight.
/// </summary>
public static class AttachmentBenchmark
{
    private static readonly ClaimsPrincipal Staff = new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "bench@foundation.test")], "bench"));

    public static async Task RunAsync(int recipients, int attachmentBytes, int connections, string workDirectory)
    {
        await using var sink = await SendingBenchmark.Sink.StartAsync();
        await using var app = await SendingBenchmark.BuildAsync("Sqlite", $"Data Source={Path.Combine(workDirectory, "attachments.db")};Default Timeout=30", sink.Port, connections);
        await SendingBenchmark.SeedNonprofitsAsync(app.Services, recipients);
        var uploaded = await app.Services.GetRequiredService<MediaService>().UploadAsync("applicants.csv", new MemoryStream(Csv(attachmentBytes)), Staff, CancellationToken.None);
        var file = uploaded.Value ?? throw new InvalidOperationException(uploaded.Message);
        AttachedFile[] attachments = [new(file.Id, file.Name, file.ContentType, file.Bytes)];
        Console.WriteLine($"SQLite, {recipients:N0} recipients, {connections} connections, an attachment of {file.Bytes:N0} bytes");

        // Warm-up: the JIT finishes with the drain's code before the figures count.
        await LaunchAsync(app.Services, new RecipientSelection(false, [.. Enumerable.Range(1, Math.Min(recipients, 200)).Select(id => (long)id)], DirectoryFilter.All), attachments);
        await app.Services.GetRequiredService<SendDrainer>().DrainAsync(CancellationToken.None);

        var messageBytes = await MessageBytesAsync(app.Services, attachments);
        var sourceRate = await sink.SourceRateAsync(recipients, messageBytes, connections);
        Console.WriteLine($"smtp-source: {recipients:N0} messages of {messageBytes:N0} bytes to 2 recipients over {connections} connections: {sourceRate:N1} msg/s ({sourceRate * messageBytes / 1048576:N0} MB/s)");

        var campaignId = await LaunchAsync(app.Services, SendingBenchmark.Everyone, attachments);
        var (progress, rate, cpuPerMessage, sampler) = await SendingBenchmark.DrainAsync(app.Services, campaignId, recipients, sourceRate);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT recipients={recipients} attachment_bytes={file.Bytes} message_bytes={messageBytes} connections={connections} source={sourceRate:F1} drain={rate:F1} ratio={rate / sourceRate:F2} cpu_us={cpuPerMessage:F0} workingset_mb={sampler.PeakWorkingSet / 1048576.0:F0} heap_mb={sampler.PeakManagedHeap / 1048576.0:F0} live_heap_mb={sampler.PeakLiveHeap / 1048576.0:F0}"));
        if (progress.Sent != recipients)
        {
            throw new InvalidOperationException($"Expected {recipients:N0} sent, got {progress.Sent:N0}.");
        }
    }

    private static async Task<long> LaunchAsync(IServiceProvider services, RecipientSelection recipients, IReadOnlyList<AttachedFile> attachments)
    {
        var launched = await services.GetRequiredService<CampaignLauncher>().LaunchAsync(
            new CampaignInput("Bench with an attachment", null, SendingBenchmark.Subject, SendingBenchmark.Body, recipients, ["officer@foundation.test"]) { Attachments = attachments },
            Staff,
            null,
            CancellationToken.None);
        return launched.Value?.Id ?? throw new InvalidOperationException(launched.Message);
    }

    /// <summary>The size of one message as the drain sends it, attachment included.</summary>
    private static async Task<int> MessageBytesAsync(IServiceProvider services, IReadOnlyList<AttachedFile> attachments)
    {
        var campaignId = await LaunchAsync(services, new RecipientSelection(false, [1], DirectoryFilter.All), attachments);
        var content = await services.GetRequiredService<ISendQueue>().ContentAsync(campaignId, CancellationToken.None);
        await services.GetRequiredService<SendDrainer>().DrainAsync(CancellationToken.None);
        var sample = new ClaimedSend(1, campaignId, 1, "np1@d1.example", "Nonprofit 1", "1 Main Street, Springfield", "", 1, null);
        var (message, _) = services.GetRequiredService<CampaignMessages>().Compose(content, sample, CancellationToken.None);
        using var bytes = new MemoryStream();
        message!.WriteTo(bytes);
        return (int)bytes.Length;
    }

    /// <summary>A list of applicants as a spreadsheet exports it, of about <paramref name="bytes"/> bytes.</summary>
    private static byte[] Csv(int bytes)
    {
        var csv = new StringBuilder("name,email,amount\r\n");
        for (var i = 0; csv.Length < bytes; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"Applicant {i},applicant-{i}@example.org,{i * 37 % 100_000}\r\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}
