using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Media;
using NonprofitPortal.Features.Nonprofits;
using NonprofitPortal.Features.Nonprofits.Search;
using NonprofitPortal.Features.Operations;
using NonprofitPortal.Features.Sending;

namespace NonprofitPortal.Bench;

/// <summary>A SQLite file migrated by the app's own migrations, with the app's services over it.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private static readonly DateTimeOffsetToBinaryConverter TimeConverter = new();
    private readonly WebApplication _app;

    private BenchDatabase(string path, WebApplication app)
    {
        Path = path;
        _app = app;
    }

    public string Path { get; }

    public string ConnectionString => $"Data Source={Path};Default Timeout=30";

    public IServiceProvider Services => _app.Services;

    public static async Task<BenchDatabase> CreateAsync(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }

        return await OpenAsync(path);
    }

    /// <summary>Opens (and migrates, if needed) the database at <paramref name="path"/>.</summary>
    public static async Task<BenchDatabase> OpenAsync(string path)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.Configuration["Database:Provider"] = "Sqlite";
        builder.Configuration["ConnectionStrings:Default"] = $"Data Source={path};Default Timeout=30";
        builder.AddData();
        builder.AddOperations();
        builder.AddSending();
        builder.AddMedia();
        builder.AddAccounts();
        builder.AddNonprofits();
        var app = builder.Build();
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        return new BenchDatabase(path, app);
    }

    /// <summary>The benchmark baseline and the fast way to fill a database: prepared inserts in one transaction.</summary>
    public async Task RawInsertAsync(IEnumerable<SyntheticNonprofit> rows, DateTimeOffset now)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO Nonprofits (Name, SortName, Address, Email, NormalizedEmail, EmailDomain, CreatedAt, UpdatedAt, Version)
            VALUES ($name, $sortName, $address, $email, $normalizedEmail, $domain, $now, $now, 1) RETURNING Id;
            """;
        var parameters = new[] { "$name", "$sortName", "$address", "$email", "$normalizedEmail", "$domain", "$now" }
            .Select(name => insert.Parameters.Add(new SqliteParameter(name, null))).ToArray();
        await using var insertTag = connection.CreateCommand();
        insertTag.CommandText = "INSERT INTO NonprofitTags (NonprofitId, Name) VALUES ($id, $tag);";
        var tagId = insertTag.Parameters.Add(new SqliteParameter("$id", null));
        var tagName = insertTag.Parameters.Add(new SqliteParameter("$tag", null));
        insert.Prepare();
        insertTag.Prepare();

        var encodedNow = TimeConverter.ConvertToProvider(now);
        foreach (var row in rows)
        {
            var normalized = row.Email.ToLowerInvariant();
            parameters[0].Value = row.Name;
            parameters[1].Value = TextFolding.Fold(row.Name);
            parameters[2].Value = row.Address;
            parameters[3].Value = row.Email;
            parameters[4].Value = normalized;
            parameters[5].Value = normalized[(normalized.IndexOf('@') + 1)..];
            parameters[6].Value = encodedNow;
            var id = (long)(await insert.ExecuteScalarAsync())!;
            foreach (var tag in row.Tags)
            {
                tagId.Value = id;
                tagName.Value = tag;
                await insertTag.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE;";
        await analyze.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }
}
