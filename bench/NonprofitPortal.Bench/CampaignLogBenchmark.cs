using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Bounces;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Campaigns.Reports;
using NonprofitPortal.Features.Campaigns.Sends;
using NonprofitPortal.Features.Campaigns.Sends.Search;
using NonprofitPortal.Features.Tracking;

namespace NonprofitPortal.Bench;

/// <summary>
/// The per-recipient log and the report of one finished campaign of <c>recipients</c> messages
/// with <c>events</c> opens and clicks, read through the services the API calls
/// (<see cref="SendLog.PageAsync"/>, <see cref="CampaignReports.FindAsync"/>), with the log's
/// first page also written as raw SQL and run alternately, as the baseline.
/// </summary>
public static class CampaignLogBenchmark
{
    private const int Limit = SendLog.DefaultLimit;
    private const int WarmUps = 5;
    private static readonly DateTimeOffsetToBinaryConverter TimeConverter = new();
    private static readonly DateTimeOffset SendingStarted = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly string[] LinkUrls = ["https://foundation.test/apply", "https://foundation.test/guidelines", "https://foundation.test/contact"];

    public static async Task RunAsync(int recipients, int events, int iterations, string databasePath)
    {
        await using var database = await BenchDatabase.CreateAsync(databasePath);
        var factory = database.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var fill = Stopwatch.StartNew();
        var campaign = await FillAsync(database, factory, recipients, events);
        Console.WriteLine($"Filled a campaign of {recipients:N0} recipients and {events:N0} tracking events in {fill.Elapsed.TotalSeconds:N1} s ({new FileInfo(databasePath).Length / 1024 / 1024:N0} MB)");

        var log = new SendLog(factory, new SqliteSendLogSearch());
        var reports = new CampaignReports(factory);
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();

        Console.WriteLine();
        Console.WriteLine($"{"scenario",-46} {"p50",9} {"p95",9} {"rows",5}");
        var rawFirst = new List<double>();
        var serviceFirst = new List<double>();
        for (var i = -WarmUps; i < iterations; i++)
        {
            var serviceTime = await TimeAsync(() => log.PageAsync(campaign.Id, SendLogFilter.All, null, Limit, CancellationToken.None));
            var rawTime = await TimeAsync(() => RawFirstPageAsync(connection, campaign.Id));
            if (i >= 0)
            {
                serviceFirst.Add(serviceTime);
                rawFirst.Add(rawTime);
            }
        }

        Print("log: first page (service)", serviceFirst, Limit);
        Print("log: first page (raw SQL, same 3 queries)", rawFirst, Limit);
        Console.WriteLine($"{"  first page p95 ratio service / raw",-46} {Percentiles.Of(serviceFirst, 95) / Percentiles.Of(rawFirst, 95),8:N2}x");

        var random = new Random(7);
        var deep = campaign.FirstSendId + (long)(recipients * 0.9);
        await MeasureAsync("log: page after 90% of the cursor chain", iterations, () => log.PageAsync(campaign.Id, SendLogFilter.All, deep, Limit, CancellationToken.None));
        await MeasureAsync("log: status failed, first page", iterations, () => log.PageAsync(campaign.Id, new SendLogFilter(Status: SendStatus.Failed), null, Limit, CancellationToken.None));
        await MeasureAsync("log: status failed, page after 90%", iterations, () => log.PageAsync(campaign.Id, new SendLogFilter(Status: SendStatus.Failed), deep, Limit, CancellationToken.None));
        await MeasureAsync("log: search an exact email", iterations, () => log.PageAsync(campaign.Id, new SendLogFilter(Search: campaign.Emails[random.Next(campaign.Emails.Count)]), null, Limit, CancellationToken.None));
        await MeasureAsync("log: search a name word (1 in 60 match)", iterations, () => log.PageAsync(campaign.Id, new SendLogFilter(Search: SyntheticNonprofits.Nouns[random.Next(SyntheticNonprofits.Nouns.Length)]), null, Limit, CancellationToken.None));
        await MeasureAsync("log: search two words (adjective and noun)", iterations, () => log.PageAsync(campaign.Id, new SendLogFilter(Search: $"{SyntheticNonprofits.Nouns[random.Next(SyntheticNonprofits.Nouns.Length)]} {SyntheticNonprofits.Adjectives[random.Next(SyntheticNonprofits.Adjectives.Length)]}"), null, Limit, CancellationToken.None));
        await MeasureAsync("log: search a one-letter word start", iterations, () => log.PageAsync(campaign.Id, new SendLogFilter(Search: "r"), null, Limit, CancellationToken.None));
        await MeasureAsync("log: search a word nobody has", iterations, () => log.PageAsync(campaign.Id, new SendLogFilter(Search: "zzqx"), null, Limit, CancellationToken.None));
        await MeasureAsync("log: search a name word, status failed", iterations, () => log.PageAsync(campaign.Id, new SendLogFilter(Search: SyntheticNonprofits.Nouns[random.Next(SyntheticNonprofits.Nouns.Length)], Status: SendStatus.Failed), null, Limit, CancellationToken.None));
        await MeasureAsync("report", iterations, async () => (await reports.FindAsync(campaign.Id, CancellationToken.None))!.Timeline.Count);

        Console.WriteLine();
        await ExplainAsync(connection, "first page", $"SELECT Id FROM EmailSends WHERE CampaignId = {campaign.Id} ORDER BY Id LIMIT {Limit + 1}");
        await ExplainAsync(connection, "status failed", $"SELECT Id FROM EmailSends WHERE CampaignId = {campaign.Id} AND Status = {(int)SendStatus.Failed} AND Id > {deep} ORDER BY Id LIMIT {Limit + 1}");
        await ExplainAsync(connection, "exact email", $"SELECT Id FROM EmailSends WHERE CampaignId = {campaign.Id} AND Email = 'x@y.org' ORDER BY Id LIMIT {Limit + 1}");
        await ExplainAsync(connection, "name word", $"""
            SELECT hit.rowid FROM EmailSendSearch AS hit CROSS JOIN EmailSends AS s ON s.Id = hit.rowid
            WHERE EmailSendSearch MATCH '"river"*' AND hit.rowid > max(0, (SELECT min(Id) FROM EmailSends WHERE CampaignId = {campaign.Id}) - 1)
              AND hit.rowid <= (SELECT max(Id) FROM EmailSends WHERE CampaignId = {campaign.Id}) AND s.CampaignId = {campaign.Id}
            ORDER BY hit.rowid LIMIT {Limit + 1}
            """);
        await ExplainAsync(connection, "page's tracking events", "SELECT SendId, Kind, At FROM TrackingEvents WHERE SendId IN (1, 2, 3) AND IsFirst");
        await ExplainAsync(connection, "report's hours", $"SELECT Hour, Sent, Opens, Clicks, Bounced FROM CampaignActivity WHERE CampaignId = {campaign.Id} ORDER BY Hour");
        await ExplainAsync(connection, "report's unsubscribes", $"SELECT COUNT(*) FROM DeliveryEvents WHERE CampaignId = {campaign.Id} AND Kind = {(int)DeliveryEventKind.Unsubscribe}");
    }

    private static async Task MeasureAsync<T>(string name, int iterations, Func<Task<T>> run)
    {
        var samples = new List<double>();
        var rows = 0;
        for (var i = -WarmUps; i < iterations; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            var result = await run();
            var elapsed = stopwatch.Elapsed.TotalMilliseconds;
            rows = result switch { SendLogPage page => page.Items.Count, int count => count, _ => 0 };
            if (i >= 0)
            {
                samples.Add(elapsed);
            }
        }

        Print(name, samples, rows);
    }

    private static void Print(string name, List<double> samples, int rows) =>
        Console.WriteLine($"{name,-46} {Percentiles.Of(samples, 50),6:N1} ms {Percentiles.Of(samples, 95),6:N1} ms {rows,5}");

    private static async Task<double> TimeAsync<T>(Func<Task<T>> action)
    {
        var stopwatch = Stopwatch.StartNew();
        await action();
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    /// <summary>What <see cref="SendLog.PageAsync"/> asks for a first page, hand-written: the rows, then their bounces and first hits.</summary>
    private static async Task<int> RawFirstPageAsync(SqliteConnection connection, long campaignId)
    {
        var ids = new List<long>();
        await using (var select = connection.CreateCommand())
        {
            select.CommandText = """
                SELECT Id, NonprofitId, Name, Email, Status, Attempts, ServerName, ServerReply, LastError, SentAt, MessageId
                FROM EmailSends WHERE CampaignId = $campaign ORDER BY Id LIMIT $limit
                """;
            select.Parameters.AddWithValue("$campaign", campaignId);
            select.Parameters.AddWithValue("$limit", Limit + 1);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetInt64(0));
                _ = (reader.IsDBNull(1) ? (long?)null : reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4), reader.GetInt32(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8),
                    reader.IsDBNull(9) ? (long?)null : reader.GetInt64(9), reader.IsDBNull(10) ? null : reader.GetString(10));
            }
        }

        var list = string.Join(",", ids.Take(Limit));
        var found = 0;
        foreach (var sql in new[]
                 {
                     $"SELECT SendId, Kind, At FROM DeliveryEvents WHERE SendId IN ({list}) AND Kind <> {(int)DeliveryEventKind.Unsubscribe}",
                     $"SELECT SendId, Kind, At FROM TrackingEvents WHERE SendId IN ({list}) AND IsFirst",
                 })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                found += reader.GetInt32(1);
            }
        }

        return found;
    }

    private static async Task ExplainAsync(SqliteConnection connection, string name, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        await using var reader = await command.ExecuteReaderAsync();
        var steps = new List<string>();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }

        Console.WriteLine($"plan, {name}: {string.Join(" | ", steps)}");
    }

    private sealed record FilledCampaign(long Id, long FirstSendId, IReadOnlyList<string> Emails);

    private sealed class Hour
    {
        public int Sent, Failed, Bounced, Complained, Opens, Clicks;
    }

    /// <summary>
    /// A finished campaign as the drain and the tracking recorder leave it: the sends (95.5% sent, 2%
    /// failed, 2.5% of the sent hard-bounced, 0.1% complained), the bounces and complaints, the opens
    /// and clicks marked first as they are when written in time order, the links' counts, the hourly
    /// activity rows and the campaign's counters, all consistent with one another.
    /// </summary>
    private static async Task<FilledCampaign> FillAsync(BenchDatabase database, IDbContextFactory<AppDbContext> factory, int recipients, int eventCount)
    {
        long campaignId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var entity = new Campaign
            {
                Name = "Spring grants", SubjectTemplate = "Spring grants", BodyTemplate = "<p>Hello {{ name }}</p>", SenderName = "Foundation", SenderEmail = "grants@foundation.test",
                Status = CampaignStatus.Completed, Total = recipients, TrackOpens = true, TrackClicks = true, CreatedBy = "bench",
                CreatedAt = SendingStarted, StartedAt = SendingStarted,
            };
            db.Campaigns.Add(entity);
            await db.SaveChangesAsync();
            campaignId = entity.Id;
        }

        var random = new Random(42);
        var hours = new SortedDictionary<long, Hour>();
        Hour HourOf(DateTimeOffset at) => hours.TryGetValue(ActivityHours.Of(at), out var hour) ? hour : hours[ActivityHours.Of(at)] = new Hour();
        var sentAt = new DateTimeOffset[recipients];
        var delivered = new List<int>(recipients);
        var emails = new List<string>();
        var totals = new Hour();
        var sendingTime = TimeSpan.FromHours(6);

        await using var connection = new SqliteConnection(database.ConnectionString + ";Foreign Keys=False");
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insertSend = connection.CreateCommand();
        insertSend.CommandText = """
            INSERT INTO EmailSends (CampaignId, NonprofitId, Name, Email, Address, Tags, Status, Attempts, NextAttemptAt, SentAt, ServerName, ServerReply, LastError, MessageId)
            VALUES ($campaign, $nonprofit, $name, $email, $address, $tags, $status, $attempts, $next, $sentAt, 'smtp-1', $reply, $error, $messageId) RETURNING Id;
            """;
        var p = new[] { "$campaign", "$nonprofit", "$name", "$email", "$address", "$tags", "$status", "$attempts", "$next", "$sentAt", "$reply", "$error", "$messageId" }
            .ToDictionary(n => n, n => insertSend.Parameters.Add(new SqliteParameter(n, null)));
        await using var insertFeedback = connection.CreateCommand();
        insertFeedback.CommandText = """
            INSERT INTO DeliveryEvents (SendId, CampaignId, NonprofitId, Kind, Detail, Source, ExternalId, At)
            VALUES ($send, $campaign, $nonprofit, $kind, $detail, 'bench', $external, $at);
            """;
        var f = new[] { "$send", "$campaign", "$nonprofit", "$kind", "$detail", "$external", "$at" }
            .ToDictionary(n => n, n => insertFeedback.Parameters.Add(new SqliteParameter(n, null)));
        insertSend.Prepare();
        insertFeedback.Prepare();
        p["$campaign"].Value = campaignId;
        f["$campaign"].Value = campaignId;

        long firstSendId = 0;
        var index = 0;
        foreach (var nonprofit in SyntheticNonprofits.Generate(recipients))
        {
            var at = SendingStarted + sendingTime * index / recipients;
            var roll = random.NextDouble();
            var failed = roll < 0.02;
            var email = nonprofit.Email.ToLowerInvariant();
            p["$nonprofit"].Value = index + 1;
            p["$name"].Value = nonprofit.Name;
            p["$email"].Value = email;
            p["$address"].Value = nonprofit.Address;
            p["$tags"].Value = string.Join(';', nonprofit.Tags);
            p["$status"].Value = (int)(failed ? SendStatus.Failed : SendStatus.Sent);
            p["$attempts"].Value = failed ? 3 : 1;
            p["$next"].Value = TimeConverter.ConvertToProvider(at);
            p["$sentAt"].Value = failed ? DBNull.Value : TimeConverter.ConvertToProvider(at);
            p["$reply"].Value = failed ? "550 5.1.1 <" + email + ">: Recipient address rejected: User unknown" : "250 2.0.0 Ok: queued as " + index.ToString("X8", System.Globalization.CultureInfo.InvariantCulture);
            p["$error"].Value = failed ? "550 5.1.1 Recipient address rejected: User unknown" : DBNull.Value;
            p["$messageId"].Value = failed ? DBNull.Value : $"<{index}.{campaignId}@foundation.test>";
            var id = (long)(await insertSend.ExecuteScalarAsync())!;
            if (index == 0)
            {
                firstSendId = id;
            }

            if (index % 1000 == 17)
            {
                emails.Add(email);
            }

            sentAt[index] = at;
            if (failed)
            {
                HourOf(at).Failed++;
                totals.Failed++;
            }
            else
            {
                HourOf(at).Sent++;
                totals.Sent++;
                var feedback = roll < 0.045 ? DeliveryEventKind.HardBounce : roll < 0.046 ? DeliveryEventKind.Complaint : (DeliveryEventKind?)null;
                if (feedback is { } kind)
                {
                    var reportedAt = at + TimeSpan.FromMinutes(random.Next(1, 240));
                    f["$send"].Value = id;
                    f["$nonprofit"].Value = index + 1;
                    f["$kind"].Value = (int)kind;
                    f["$detail"].Value = kind == DeliveryEventKind.HardBounce ? "5.1.1 user unknown" : "abuse report";
                    f["$external"].Value = $"bench-{id}";
                    f["$at"].Value = TimeConverter.ConvertToProvider(reportedAt);
                    await insertFeedback.ExecuteNonQueryAsync();
                    if (kind == DeliveryEventKind.HardBounce)
                    {
                        HourOf(reportedAt).Bounced++;
                        totals.Bounced++;
                    }
                    else
                    {
                        HourOf(reportedAt).Complained++;
                        totals.Complained++;
                        delivered.Add(index);
                    }
                }
                else
                {
                    delivered.Add(index);
                }
            }

            index++;
        }

        // Opens and clicks (3 in 4 opens) on delivered messages within two days of sending, recorded in time order.
        var hits = Enumerable.Range(0, eventCount)
            .Select(_ =>
            {
                var recipient = delivered[random.Next(delivered.Count)];
                var clicked = random.Next(4) == 0;
                return (Recipient: recipient, Clicked: clicked, Link: clicked ? random.Next(LinkUrls.Length) : -1, At: sentAt[recipient] + TimeSpan.FromMinutes(random.Next(1, 48 * 60)));
            })
            .OrderBy(h => h.At)
            .ToList();
        await using var insertHit = connection.CreateCommand();
        insertHit.CommandText = """
            INSERT INTO TrackingEvents (SendId, CampaignId, NonprofitId, Kind, LinkIndex, At, IsFirst, IsFirstOnLink)
            VALUES ($send, $campaign, $nonprofit, $kind, $link, $at, $first, $firstOnLink);
            """;
        var h = new[] { "$send", "$campaign", "$nonprofit", "$kind", "$link", "$at", "$first", "$firstOnLink" }
            .ToDictionary(n => n, n => insertHit.Parameters.Add(new SqliteParameter(n, null)));
        insertHit.Prepare();
        h["$campaign"].Value = campaignId;
        var firsts = new HashSet<(int Recipient, int Kind)>();
        var firstsOnLink = new HashSet<(int Recipient, int Link)>();
        var linkClicks = new int[LinkUrls.Length];
        var linkUnique = new int[LinkUrls.Length];
        int uniqueOpens = 0, uniqueClicks = 0;
        foreach (var hit in hits)
        {
            var first = firsts.Add((hit.Recipient, hit.Clicked ? 1 : 0));
            var firstOnLink = hit.Clicked && firstsOnLink.Add((hit.Recipient, hit.Link));
            h["$send"].Value = firstSendId + hit.Recipient;
            h["$nonprofit"].Value = hit.Recipient + 1;
            h["$kind"].Value = (int)(hit.Clicked ? TrackingEventKind.Clicked : TrackingEventKind.Opened);
            h["$link"].Value = hit.Clicked ? hit.Link : DBNull.Value;
            h["$at"].Value = TimeConverter.ConvertToProvider(hit.At);
            h["$first"].Value = first;
            h["$firstOnLink"].Value = firstOnLink;
            await insertHit.ExecuteNonQueryAsync();
            if (hit.Clicked)
            {
                HourOf(hit.At).Clicks++;
                totals.Clicks++;
                linkClicks[hit.Link]++;
                linkUnique[hit.Link] += firstOnLink ? 1 : 0;
                uniqueClicks += first ? 1 : 0;
            }
            else
            {
                HourOf(hit.At).Opens++;
                totals.Opens++;
                uniqueOpens += first ? 1 : 0;
            }
        }

        await using (var insertHour = connection.CreateCommand())
        {
            insertHour.CommandText = CampaignActivityCounts.OnConflictSql.Replace("{", "$p", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal);
            var values = Enumerable.Range(0, 8).Select(i => insertHour.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
            foreach (var (hour, counts) in hours)
            {
                object[] row = [campaignId, hour, counts.Sent, counts.Failed, counts.Bounced, counts.Complained, counts.Opens, counts.Clicks];
                for (var i = 0; i < row.Length; i++)
                {
                    values[i].Value = row[i];
                }

                await insertHour.ExecuteNonQueryAsync();
            }
        }

        await using (var links = connection.CreateCommand())
        {
            links.CommandText = "INSERT INTO CampaignLinks (CampaignId, LinkIndex, Url, Clicks, UniqueClicks) VALUES ($campaign, $index, $url, $clicks, $unique);";
            var l = new[] { "$campaign", "$index", "$url", "$clicks", "$unique" }.Select(n => links.Parameters.Add(new SqliteParameter(n, null))).ToArray();
            for (var i = 0; i < LinkUrls.Length; i++)
            {
                (l[0].Value, l[1].Value, l[2].Value, l[3].Value, l[4].Value) = (campaignId, i, LinkUrls[i], linkClicks[i], linkUnique[i]);
                await links.ExecuteNonQueryAsync();
            }
        }

        await using (var counters = connection.CreateCommand())
        {
            counters.CommandText = $"""
                UPDATE Campaigns SET Sent = {totals.Sent}, Failed = {totals.Failed}, Bounced = {totals.Bounced}, Complained = {totals.Complained},
                    Opens = {totals.Opens}, Clicks = {totals.Clicks}, UniqueOpens = {uniqueOpens}, UniqueClicks = {uniqueClicks},
                    CompletedAt = {TimeConverter.ConvertToProvider(SendingStarted + sendingTime)}
                WHERE Id = {campaignId};
                """;
            await counters.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        await using (var analyze = connection.CreateCommand())
        {
            analyze.CommandText = "ANALYZE;";
            await analyze.ExecuteNonQueryAsync();
        }

        Console.WriteLine($"sent {totals.Sent:N0}, failed {totals.Failed:N0}, bounced {totals.Bounced:N0}, complained {totals.Complained:N0}, opens {totals.Opens:N0} ({uniqueOpens:N0} unique), clicks {totals.Clicks:N0} ({uniqueClicks:N0} unique), {hours.Count} hourly rows");
        return new FilledCampaign(campaignId, firstSendId, emails);
    }
}
