using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Bounces;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Drafts;
using NonprofitPortal.Features.Layouts;
using NonprofitPortal.Features.Media;
using NonprofitPortal.Features.Nonprofits;
using NonprofitPortal.Features.Operations;
using NonprofitPortal.Features.Sending;
using NonprofitPortal.Features.Webhooks;
using NonprofitPortal.Features.Sending.Queue;

namespace NonprofitPortal.Bench;

/// <summary>
/// Launches a campaign to every nonprofit and drains it into a real smtp-sink, against two
/// baselines measured in the same run: Postfix's smtp-source pushing the same number of
/// messages of the same size over the same number of connections into the same sink, and a
/// raw batched insert of the same pending-send rows.
/// </summary>
public static class SendingBenchmark
{
    internal const string Subject = "News for {{ nonprofit.name }} from {{ foundation.name }}";
    internal const string Body = """
        <p>Dear {{ nonprofit.name }},</p>
        <p>We are writing to the organisations we support about the spring grant round. Applications open
        on the first of the month and close six weeks later; the form has not changed since last year.</p>
        <p>Your address on file is {{ nonprofit.address }}, and we write to {{ nonprofit.email }}.</p>
        <p>With best wishes,<br>{{ sender.name }}<br>{{ foundation.name }}</p>
        <p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p>
        """;

    internal static readonly RecipientSelection Everyone = new(true, [], DirectoryFilter.All);

    /// <param name="postgres">A connection string to an empty PostgreSQL database; null for a SQLite file in <paramref name="workDirectory"/>.</param>
    public static async Task RunAsync(int recipients, int connections, string? postgres, string workDirectory)
    {
        await using var sink = await Sink.StartAsync();
        var connectionString = postgres ?? $"Data Source={Path.Combine(workDirectory, "sending.db")};Default Timeout=30";
        await using var app = await BuildAsync(postgres is null ? "Sqlite" : "PostgreSQL", connectionString, sink.Port, connections);
        var provider = postgres is null ? "SQLite" : "PostgreSQL";
        Console.WriteLine($"{provider}, {recipients:N0} recipients, {connections} connections, smtp-sink on port {sink.Port}");

        var seeding = Stopwatch.StartNew();
        await SeedNonprofitsAsync(app.Services, recipients);
        Console.WriteLine($"seeded {recipients:N0} nonprofits in {seeding.Elapsed.TotalSeconds:F1} s");

        var warmUp = await WarmUpAsync(app.Services, Math.Min(recipients, DraftRules.MaxChosenRecipients), rounds: 3);
        Console.WriteLine($"warm-up: 3 campaigns to {Math.Min(recipients, DraftRules.MaxChosenRecipients):N0}, the last drained at {warmUp:N0} msg/s");

        var messageBytes = SampleMessageBytes(app.Services);
        var sourceRate = await sink.SourceRateAsync(recipients, messageBytes, connections);
        Console.WriteLine($"smtp-source: {recipients:N0} messages of {messageBytes:N0} bytes to 2 recipients over {connections} connections: {sourceRate:N0} msg/s");

        var rawInsert = await RawInsertSecondsAsync(app.Services, recipients);
        var launch = Stopwatch.StartNew();
        var campaignId = await LaunchAsync(app.Services, Everyone, ["officer@foundation.test"]);
        var enqueue = launch.Elapsed.TotalSeconds;
        Console.WriteLine($"enqueue: {enqueue:F2} s through CampaignLauncher, {rawInsert:F2} s raw batched insert: ratio {enqueue / rawInsert:F2}x");

        var (progress, rate, cpuPerMessage, sampler) = await DrainAsync(app.Services, campaignId, recipients, sourceRate);

        // This VM's speed drifts within a minute: the limit is taken again after the drain, and the
        // ratio is to the faster of the two, so that a slow moment of smtp-source cannot flatter it.
        var sourceAfter = await sink.SourceRateAsync(recipients, messageBytes, connections);
        var limit = Math.Max(sourceRate, sourceAfter);
        Console.WriteLine($"smtp-source after the drain: {sourceAfter:N0} msg/s; drain / the faster smtp-source run: {rate / limit:F2}");
        Console.WriteLine($"RESULT provider={provider} recipients={recipients} connections={connections} source={limit:F0} source_before={sourceRate:F0} source_after={sourceAfter:F0} drain={rate:F0} ratio={rate / limit:F2} cpu_us={cpuPerMessage:F0} enqueue={enqueue:F2} raw={rawInsert:F2} workingset_mb={sampler.PeakWorkingSet / 1048576.0:F0} heap_mb={sampler.PeakManagedHeap / 1048576.0:F0} live_heap_mb={sampler.PeakLiveHeap / 1048576.0:F0}");
        if (progress.Sent != recipients)
        {
            throw new InvalidOperationException($"Expected {recipients:N0} sent, got {progress.Sent:N0}.");
        }
    }

    /// <summary>Drains the queue, timing it and sampling memory, and prints what it measured.</summary>
    internal static async Task<(CampaignProgress Progress, double Rate, double CpuPerMessage, PeakSampler Sampler)> DrainAsync(
        IServiceProvider services, long campaignId, int recipients, double sourceRate)
    {
        // Launching a large campaign leaves its garbage behind; without a full collection first the
        // drain's peak would measure the launch's leftovers rather than what draining holds.
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var sampler = new PeakSampler();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        // Only on PostgreSQL: a server that happens to run beside a SQLite drain is not its cost.
        var onPostgres = services.GetRequiredService<SendQueue>() is PostgresSendQueue;
        var postgresBefore = onPostgres ? ProcessCpu.SecondsOf("postgres") : null;
        var drain = Stopwatch.StartNew();
        double drainSeconds, cpuPerMessage;
        double? postgresPerMessage;
        using (sampler)
        {
            await services.GetRequiredService<SendDrainer>().DrainAsync(CancellationToken.None);
            drainSeconds = drain.Elapsed.TotalSeconds;
            cpuPerMessage = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMicroseconds / recipients;
            postgresPerMessage = onPostgres ? (ProcessCpu.SecondsOf("postgres") - postgresBefore) * 1_000_000 / recipients : null;
        }

        var progress = await services.GetRequiredService<CampaignService>().ProgressAsync(campaignId, CancellationToken.None);
        var rate = progress!.Sent / drainSeconds;
        Console.WriteLine($"drain: {progress.Sent:N0} sent, {progress.Failed:N0} failed in {drainSeconds:F1} s: {rate:N1} msg/s, ratio to smtp-source {rate / sourceRate:F2}, {cpuPerMessage:F0} µs of CPU per message");
        if (postgresPerMessage is { } postgres)
        {
            Console.WriteLine($"PostgreSQL's processes on this machine during the drain: {postgres:F0} µs of CPU per message");
        }

        Console.WriteLine($"peak during drain: working set {sampler.PeakWorkingSet / 1048576.0:F0} MB, managed heap {sampler.PeakManagedHeap / 1048576.0:F0} MB ({sampler.PeakLiveHeap / 1048576.0:F0} MB live)");
        return (progress, rate, cpuPerMessage, sampler);
    }

    /// <summary>
    /// A server runs for days: the figures are those of code the JIT has finished optimising, which
    /// takes a few campaigns on two busy cores (the tiering compiler competes with the drain).
    /// </summary>
    /// <returns>The last round's rate.</returns>
    private static async Task<double> WarmUpAsync(IServiceProvider services, int recipients, int rounds)
    {
        var rate = 0.0;
        for (var round = 0; round < rounds; round++)
        {
            await LaunchAsync(services, new RecipientSelection(false, [.. Enumerable.Range(1, recipients).Select(id => (long)id)], DirectoryFilter.All), ["officer@foundation.test"]);
            var watch = Stopwatch.StartNew();
            await services.GetRequiredService<SendDrainer>().DrainAsync(CancellationToken.None);
            rate = recipients / watch.Elapsed.TotalSeconds;
        }

        return rate;
    }

    /// <summary>A campaign of the benchmark's template, launched as staff would; its id.</summary>
    internal static async Task<long> LaunchAsync(IServiceProvider services, RecipientSelection recipients, IReadOnlyList<string> cc)
    {
        var launched = await services.GetRequiredService<CampaignLauncher>().LaunchAsync(
            new CampaignInput("Bench", null, Subject, Body, recipients, cc),
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "bench@foundation.test")], "bench")),
            null,
            CancellationToken.None);
        return launched.Value?.Id ?? throw new InvalidOperationException(launched.Message);
    }

    /// <param name="serverPorts">When given, one server per port under <c>Mail:Smtp:Servers</c>, each with <paramref name="connections"/> connections.</param>
    internal static async Task<WebApplication> BuildAsync(string provider, string connectionString, int smtpPort, int connections, IReadOnlyList<int>? serverPorts = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.Configuration["Database:Provider"] = provider;
        builder.Configuration["ConnectionStrings:Default"] = connectionString;
        builder.Configuration["Mail:Transport"] = "Smtp";
        builder.Configuration["Mail:Smtp:Host"] = "127.0.0.1";
        builder.Configuration["Mail:Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture);
        builder.Configuration["Mail:From"] = "Foundation <grants@foundation.test>";
        builder.Configuration["App:PublicUrl"] = "https://portal.foundation.test/";
        builder.Configuration["Sending:Connections"] = connections.ToString(CultureInfo.InvariantCulture);
        for (var i = 0; i < (serverPorts?.Count ?? 0); i++)
        {
            builder.Configuration[$"Mail:Smtp:Servers:{i}:Name"] = $"sink-{i + 1}";
            builder.Configuration[$"Mail:Smtp:Servers:{i}:Host"] = "127.0.0.1";
            builder.Configuration[$"Mail:Smtp:Servers:{i}:Port"] = serverPorts![i].ToString(CultureInfo.InvariantCulture);
            builder.Configuration[$"Mail:Smtp:Servers:{i}:Connections"] = connections.ToString(CultureInfo.InvariantCulture);
        }

        builder.AddData();
        builder.AddOperations();
        builder.AddSending();
        builder.AddMedia();
        builder.AddAccounts();
        builder.AddNonprofits();
        builder.AddDrafts();
        builder.AddLayouts();
        builder.AddCampaigns();
        builder.AddBounces();
        builder.AddWebhooks();
        var app = builder.Build();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await db.Database.MigrateAsync();
        if (provider == "Sqlite")
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        return app;
    }

    /// <summary>Nonprofits generated in SQL: the drain reads only the snapshot taken at launch.</summary>
    internal static async Task SeedNonprofitsAsync(IServiceProvider services, int count)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var now = DateTimeOffset.UtcNow;
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Nonprofits" ("Name", "SortName", "Address", "Email", "NormalizedEmail", "EmailDomain", "SearchText", "CreatedAt", "UpdatedAt", "Version")
                SELECT 'Nonprofit ' || i, 'nonprofit ' || i, i || ' Main Street, Springfield', 'np' || i || '@d' || (i % 5000) || '.example',
                       'np' || i || '@d' || (i % 5000) || '.example', 'd' || (i % 5000) || '.example', 'nonprofit ' || i, {now}, {now}, 1
                FROM generate_series(1, {count}) AS i
                """);
            return;
        }

        var stored = (long)new DateTimeOffsetToBinaryConverter().ConvertToProvider(now)!;
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await db.Database.ExecuteSqlAsync($"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count})
            INSERT INTO "Nonprofits" ("Name", "SortName", "Address", "Email", "NormalizedEmail", "EmailDomain", "CreatedAt", "UpdatedAt", "Version")
            SELECT 'Nonprofit ' || i, 'nonprofit ' || i, i || ' Main Street, Springfield', 'np' || i || '@d' || (i % 5000) || '.example',
                   'np' || i || '@d' || (i % 5000) || '.example', 'd' || (i % 5000) || '.example', {stored}, {stored}, 1
            FROM n
            """);
    }

    internal static int SampleMessageBytes(IServiceProvider services)
    {
        var sample = new ClaimedSend(1, 1, 1, "np1@d1.example", "Nonprofit 1", "1 Main Street, Springfield", "", 1, null);
        var content = new CampaignContent(1, Subject, Body, ["officer@foundation.test"], "bench@foundation.test", "bench@foundation.test");
        var (message, _) = services.GetRequiredService<CampaignMessages>().Compose(content, sample, CancellationToken.None);
        using var bytes = new MemoryStream();
        message!.WriteTo(bytes);
        return (int)bytes.Length;
    }

    /// <summary>The same rows a launch writes, inserted the fastest plain way (one transaction, a thousand rows a statement: a JSON array on SQLite, INSERT values on PostgreSQL), for a campaign the drain ignores.</summary>
    private static async Task<double> RawInsertSecondsAsync(IServiceProvider services, int count)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var baseline = new Campaign { Name = "raw insert baseline", Status = CampaignStatus.Cancelled, CreatedBy = "bench", CreatedAt = DateTimeOffset.UtcNow };
        db.Campaigns.Add(baseline);
        await db.SaveChangesAsync();
        var rows = await db.Nonprofits.AsNoTracking().OrderBy(n => n.Id).Select(n => new { n.Id, n.Email, n.Name, n.Address }).ToListAsync();

        var watch = Stopwatch.StartNew();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (connection is SqliteConnection)
        {
            // A statement per row would make the search index's trigger flush per row, thousands of named parameters bind slowly: one JSON array per thousand rows.
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO "EmailSends" ("CampaignId", "NonprofitId", "Email", "Name", "Address", "Tags", "Status", "Attempts", "NextAttemptAt")
                SELECT @c, value ->> 0, value ->> 1, value ->> 2, value ->> 3, '', 0, 0, 0 FROM json_each(@rows)
                """;
            Add(insert, "@c").Value = baseline.Id;
            var json = Add(insert, "@rows");
            await insert.PrepareAsync();
            foreach (var chunk in rows.Chunk(1000))
            {
                json.Value = System.Text.Json.JsonSerializer.Serialize(chunk.Select(row => new object[] { row.Id, row.Email, row.Name, row.Address }));
                await insert.ExecuteNonQueryAsync();
            }
        }
        else
        {
            foreach (var chunk in rows.Chunk(1000))
            {
                await using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                var values = new List<string>(chunk.Length);
                for (var i = 0; i < chunk.Length; i++)
                {
                    values.Add($"(@c, @n{i}, @e{i}, @name{i}, @a{i}, '', 0, 0, now())");
                    (Add(insert, $"@n{i}").Value, Add(insert, $"@e{i}").Value, Add(insert, $"@name{i}").Value, Add(insert, $"@a{i}").Value) = (chunk[i].Id, chunk[i].Email, chunk[i].Name, chunk[i].Address);
                }

                Add(insert, "@c").Value = baseline.Id;
                insert.CommandText = $"""INSERT INTO "EmailSends" ("CampaignId", "NonprofitId", "Email", "Name", "Address", "Tags", "Status", "Attempts", "NextAttemptAt") VALUES {string.Join(", ", values)}""";
                await insert.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
        return watch.Elapsed.TotalSeconds;
    }

    private static DbParameter Add(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>Samples the process every 50 ms: the peak working set and managed heap while it runs.</summary>
    internal sealed class PeakSampler : IDisposable
    {
        private readonly Timer _timer;
        private readonly Timer _liveTimer;

        public PeakSampler()
        {
            // Four times a second: reading the process's figures every 50 ms cost 0.5% of the drain's CPU.
            _timer = new Timer(_ => Sample(), null, 0, 250);
            _liveTimer = new Timer(_ => PeakLiveHeap = Math.Max(PeakLiveHeap, GC.GetTotalMemory(forceFullCollection: true)), null, 5000, 5000);
        }

        public long PeakWorkingSet { get; private set; }

        public long PeakManagedHeap { get; private set; }

        /// <summary>Live objects, counted with a full collection every few seconds: what the drain holds, garbage left out.</summary>
        public long PeakLiveHeap { get; private set; }

        public void Dispose()
        {
            _timer.Dispose();
            _liveTimer.Dispose();
            Sample();
            // A drain shorter than the live-heap interval still gets one count, at its end.
            PeakLiveHeap = Math.Max(PeakLiveHeap, GC.GetTotalMemory(forceFullCollection: true));
        }

        private void Sample()
        {
            using var process = Process.GetCurrentProcess();
            PeakWorkingSet = Math.Max(PeakWorkingSet, process.WorkingSet64);
            PeakManagedHeap = Math.Max(PeakManagedHeap, GC.GetTotalMemory(false));
        }
    }

    /// <summary>One smtp-sink without dumps (the limit is what it can take), and smtp-source to measure that limit.</summary>
    internal sealed class Sink : IAsyncDisposable
    {
        private readonly Process _process;

        private Sink(Process process, int port) => (_process, Port) = (process, port);

        public int Port { get; }

        public static async Task<Sink> StartAsync()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            var start = new ProcessStartInfo("smtp-sink") { UseShellExecute = false };
            foreach (var argument in new[] { "-u", "nobody", $"127.0.0.1:{port}", "1024" })
            {
                start.ArgumentList.Add(argument);
            }

            var process = Process.Start(start) ?? throw new InvalidOperationException("smtp-sink did not start (apt-get install postfix).");
            for (var i = 0; i < 100; i++)
            {
                try
                {
                    using var probe = new TcpClient();
                    await probe.ConnectAsync(IPAddress.Loopback, port);
                    return new Sink(process, port);
                }
                catch (SocketException)
                {
                    await Task.Delay(50);
                }
            }

            throw new InvalidOperationException("smtp-sink did not listen within 5 s.");
        }

        /// <summary>Each message to two recipients, as ours are (the nonprofit and one copy).</summary>
        public async Task<double> SourceRateAsync(int messages, int bytes, int connections)
        {
            var start = new ProcessStartInfo("smtp-source") { UseShellExecute = false };
            foreach (var argument in new[] { "-d", "-s", connections.ToString(CultureInfo.InvariantCulture), "-m", messages.ToString(CultureInfo.InvariantCulture),
                "-l", bytes.ToString(CultureInfo.InvariantCulture), "-r", "2", "-f", "grants@foundation.test", "-t", "np@d1.example", $"127.0.0.1:{Port}" })
            {
                start.ArgumentList.Add(argument);
            }

            var watch = Stopwatch.StartNew();
            using var source = Process.Start(start)!;
            await source.WaitForExitAsync();
            if (source.ExitCode != 0)
            {
                throw new InvalidOperationException($"smtp-source exited with {source.ExitCode}.");
            }

            return messages / watch.Elapsed.TotalSeconds;
        }

        public async ValueTask DisposeAsync()
        {
            _process.Kill();
            await _process.WaitForExitAsync();
            _process.Dispose();
        }
    }
}
