using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NonprofitPortal.Features.Nonprofits;
using NonprofitPortal.Features.Nonprofits.Search;

namespace NonprofitPortal.Bench;

/// <summary>
/// Directory pages at scale: the service layer (EF Core) against the same queries written as
/// raw SQL, run alternately on the same database in the same process.
/// </summary>
public static class DirectoryBenchmark
{
    private const int PageSize = 25;

    /// <param name="existingDatabase">A database made by the generate command, to skip generating one.</param>
    public static async Task RunAsync(int rows, int iterations, string databasePath, string? existingDatabase)
    {
        if (existingDatabase is not null)
        {
            File.Copy(existingDatabase, databasePath);
        }

        await using var database = existingDatabase is null ? await BenchDatabase.CreateAsync(databasePath) : await BenchDatabase.OpenAsync(databasePath);
        if (existingDatabase is null)
        {
            var fill = Stopwatch.StartNew();
            await database.RawInsertAsync(SyntheticNonprofits.Generate(rows), DateTimeOffset.UtcNow);
            Console.WriteLine($"Generated {rows:N0} nonprofits in {fill.Elapsed.TotalSeconds:N1} s ({new FileInfo(databasePath).Length / 1024 / 1024:N0} MB)");
        }

        var directory = database.Services.GetRequiredService<NonprofitDirectory>();
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        var random = new Random(7);

        Console.WriteLine();
        Console.WriteLine($"{"scenario",-34} {"service p50",12} {"service p95",12} {"raw p50",9} {"raw p95",9} {"p95 ratio",10}");
        foreach (var scenario in Scenarios())
        {
            var service = new List<double>();
            var raw = new List<double>();
            for (var i = -5; i < iterations; i++)
            {
                var (filter, page) = scenario.Pick(random);
                var serviceTime = await TimeAsync(() => directory.PageAsync(filter, DirectorySort.Name, false, page, PageSize, CancellationToken.None));
                var rawTime = await TimeAsync(() => RawPageAsync(connection, filter, page));
                if (i >= 0)
                {
                    service.Add(serviceTime);
                    raw.Add(rawTime);
                }
            }

            var (s50, s95, r50, r95) = (Percentiles.Of(service, 50), Percentiles.Of(service, 95), Percentiles.Of(raw, 50), Percentiles.Of(raw, 95));
            Console.WriteLine($"{scenario.Name,-34} {s50,9:N1} ms {s95,9:N1} ms {r50,6:N1} ms {r95,6:N1} ms {s95 / r95,9:N2}x");
        }
    }

    private static IEnumerable<Scenario> Scenarios()
    {
        string Noun(Random r) => SyntheticNonprofits.Nouns[r.Next(SyntheticNonprofits.Nouns.Length)];
        string Adjective(Random r) => SyntheticNonprofits.Adjectives[r.Next(SyntheticNonprofits.Adjectives.Length)];
        string Domain(Random r) => SyntheticNonprofits.Domain(r.Next(SyntheticNonprofits.DomainCount));
        string Tag(Random r) => SyntheticNonprofits.Tags[r.Next(SyntheticNonprofits.Tags.Length)];

        yield return new("first page, sorted by name", _ => (DirectoryFilter.All, 0));
        yield return new("page 40, sorted by name", _ => (DirectoryFilter.All, 40));
        yield return new("search two words", r => (new DirectoryFilter(Search: $"{Adjective(r)} {Noun(r)}"), 0));
        yield return new("search one word, next page", r => (new DirectoryFilter(Search: Noun(r)), 1));
        yield return new("search an email", r => (new DirectoryFilter(Search: $"{Noun(r).ToLowerInvariant()}.{r.Next(100_000)}@"), 0));
        yield return new("domain filter", r => (new DirectoryFilter(Domain: Domain(r)), 0));
        yield return new("tag filter, next page", r => (new DirectoryFilter(Tag: Tag(r)), 1));
        yield return new("search + domain + tag", r => (new DirectoryFilter(Search: Noun(r), Domain: Domain(r), Tag: Tag(r)), 0));
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var stopwatch = Stopwatch.StartNew();
        await action();
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    /// <summary>The capped count and the page, hand-written: what the service's queries would be without EF.</summary>
    private static async Task RawPageAsync(SqliteConnection connection, DirectoryFilter filter, int page)
    {
        var conditions = new List<string>();
        await using var count = connection.CreateCommand();
        await using var select = connection.CreateCommand();
        void Parameter(string name, object value)
        {
            count.Parameters.AddWithValue(name, value);
            select.Parameters.AddWithValue(name, value);
        }

        var terms = SearchTerms.Parse(filter.Search);
        if (!terms.IsEmpty)
        {
            conditions.Add("n.Id IN (SELECT rowid FROM NonprofitSearch WHERE NonprofitSearch MATCH $match)");
            Parameter("$match", string.Join(" AND ", terms.Words.Select(word => $"\"{word}\"*")));
        }

        if (filter.Domain is { } domain)
        {
            conditions.Add("n.EmailDomain = $domain");
            Parameter("$domain", domain);
        }

        if (filter.Tag is { } tag)
        {
            conditions.Add(conditions.Count == 0
                ? "n.Id IN (SELECT t.NonprofitId FROM NonprofitTags t WHERE t.Name = $tag)"
                : "EXISTS (SELECT 1 FROM NonprofitTags t WHERE t.NonprofitId = n.Id AND t.Name = $tag)");
            Parameter("$tag", tag);
        }

        var where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
        count.CommandText = $"SELECT COUNT(*) FROM (SELECT 1 FROM Nonprofits n {where} LIMIT {NonprofitDirectory.CountLimit + 1})";
        var matches = (long)(await count.ExecuteScalarAsync())!;
        var source = matches > NonprofitDirectory.CountLimit ? "Nonprofits n INDEXED BY IX_Nonprofits_SortName_Id" : "Nonprofits n";
        select.CommandText = $"""
            SELECT n.Id, n.Name, n.Address, n.Email, n.OptedOutAt, n.CreatedAt, n.UpdatedAt, n.Version,
                   (SELECT group_concat(t.Name, ';') FROM NonprofitTags t WHERE t.NonprofitId = n.Id)
            FROM {source} {where}
            ORDER BY n.SortName, n.Id LIMIT {PageSize} OFFSET {page * PageSize}
            """;
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            _ = (reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt32(7), reader.IsDBNull(8) ? null : reader.GetString(8));
        }
    }

    private sealed record Scenario(string Name, Func<Random, (DirectoryFilter Filter, int Page)> Pick);
}
