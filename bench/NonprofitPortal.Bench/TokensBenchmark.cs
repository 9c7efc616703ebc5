using System.Buffers.Binary;
using System.Diagnostics;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using NonprofitPortal.Features.Campaigns.Tokens;

namespace NonprofitPortal.Bench;

/// <summary>
/// One unsubscribe token: the send token against the Data Protection token it replaced (made here
/// the old way: the id protected with the old purpose, base64url), in the same run and with the
/// app's own services and keys. Made on one thread (time and bytes allocated per token) and on as
/// many threads as the drain has sender loops, where the old token's key-ring lock showed; read
/// back on one thread.
/// </summary>
public static class TokensBenchmark
{
    public static async Task RunAsync(double seconds, int threads, string workDirectory)
    {
        await using var app = await SendingBenchmark.BuildAsync("Sqlite", $"Data Source={Path.Combine(workDirectory, "tokens.db")}", smtpPort: 25, threads);
        var sendTokens = app.Services.GetRequiredService<SendTokens>();
        var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("NonprofitPortal.Unsubscribe.v1");
        string Old(long sendId)
        {
            var id = new byte[sizeof(long)];
            BinaryPrimitives.WriteInt64BigEndian(id, sendId);
            return WebEncoders.Base64UrlEncode(protector.Protect(id));
        }

        string New(long sendId) => sendTokens.Create(SendTokenPurpose.Unsubscribe, sendId);
        var oldToken = Old(123_456);
        var newToken = New(123_456);
        string ReadOld(long _) => BinaryPrimitives.ReadInt64BigEndian(protector.Unprotect(WebEncoders.Base64UrlDecode(oldToken))) == 123_456 ? oldToken : throw new InvalidOperationException("old token not read");
        string ReadNew(long _) => sendTokens.TryRead(SendTokenPurpose.Unsubscribe, newToken, out var id) && id == 123_456 ? newToken : throw new InvalidOperationException("new token not read");
        Console.WriteLine($"old token: {oldToken.Length} characters; new token: {newToken.Length} characters ({newToken})");

        // Twice, the first to let the JIT finish: the second figures are reported.
        PerToken old = default, @new = default, oldRead = default, newRead = default;
        double oldRate = 0, newRate = 0;
        for (var round = 0; round < 2; round++)
        {
            (old, @new) = (OneThread(Old, seconds), OneThread(New, seconds));
            (oldRate, newRate) = (Threads(Old, seconds, threads), Threads(New, seconds, threads));
            (oldRead, newRead) = (OneThread(ReadOld, seconds), OneThread(ReadNew, seconds));
        }

        Console.WriteLine($"make, one thread:   Data Protection {old.Microseconds:F2} µs and {old.Bytes:N0} bytes per token; send token {@new.Microseconds:F2} µs and {@new.Bytes:N0} bytes: {old.Microseconds / @new.Microseconds:F1}x faster");
        Console.WriteLine($"make, {threads} threads:     Data Protection {oldRate:N0} tokens/s; send token {newRate:N0} tokens/s: {newRate / oldRate:F1}x");
        Console.WriteLine($"read, one thread:   Data Protection {oldRead.Microseconds:F2} µs per token; send token {newRead.Microseconds:F2} µs: {oldRead.Microseconds / newRead.Microseconds:F1}x faster");
        Console.WriteLine($"RESULT threads={threads} old_us={old.Microseconds:F3} new_us={@new.Microseconds:F3} ratio={old.Microseconds / @new.Microseconds:F1} old_bytes={old.Bytes} new_bytes={@new.Bytes} old_rate={oldRate:F0} new_rate={newRate:F0} rate_ratio={newRate / oldRate:F1} old_read_us={oldRead.Microseconds:F3} new_read_us={newRead.Microseconds:F3}");
    }

    private readonly record struct PerToken(double Microseconds, long Bytes);

    private static PerToken OneThread(Func<long, string> token, double seconds)
    {
        var made = 0L;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            for (var i = 0; i < 1000; i++)
            {
                token(made++);
            }
        }

        return new PerToken(watch.Elapsed.TotalMicroseconds / made, (GC.GetAllocatedBytesForCurrentThread() - allocated) / made);
    }

    private static double Threads(Func<long, string> token, double seconds, int threads)
    {
        var made = 0L;
        var watch = Stopwatch.StartNew();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, thread =>
        {
            var mine = 0L;
            while (watch.Elapsed.TotalSeconds < seconds)
            {
                for (var i = 0; i < 1000; i++)
                {
                    token(thread * 1_000_000_000L + mine++);
                }
            }

            Interlocked.Add(ref made, mine);
        });
        return made / watch.Elapsed.TotalSeconds;
    }
}
