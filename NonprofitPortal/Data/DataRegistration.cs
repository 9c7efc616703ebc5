using Microsoft.EntityFrameworkCore;

namespace NonprofitPortal.Data;

public static class DataRegistration
{
    public const string DefaultSqliteConnectionString = "Data Source=nonprofitportal.db;Default Timeout=30";

    /// <summary>
    /// Registers the configured provider's context and forwards <see cref="AppDbContext"/> to it.
    /// Must not throw when the connection string is missing: <c>dotnet ef</c> runs this too.
    /// </summary>
    public static IHostApplicationBuilder AddData(this IHostApplicationBuilder builder)
    {
        var options = ConfiguredOptions(builder);
        var connectionString = builder.Configuration.GetConnectionString("Default");

        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .Validate(
                database => database.Provider == DatabaseProvider.Sqlite || !string.IsNullOrWhiteSpace(connectionString),
                $"ConnectionStrings:Default is required when Database:Provider is {options.Provider}.")
            .ValidateOnStart();

        switch (options.Provider)
        {
            case DatabaseProvider.SqlServer:
                AddContext<SqlServerAppDbContext>(builder, db => db.UseSqlServer(connectionString));
                break;
            case DatabaseProvider.PostgreSQL:
                AddContext<PostgresAppDbContext>(builder, db => db.UseNpgsql(connectionString));
                break;
            default:
                AddContext<SqliteAppDbContext>(builder, db => db.UseSqlite(connectionString ?? DefaultSqliteConnectionString));
                break;
        }

        builder.Services.AddHostedService<DatabaseInitializer>();
        return builder;
    }

    /// <summary>The provider in configuration, for features that register provider-specific services.</summary>
    public static DatabaseProvider ConfiguredDatabaseProvider(this IHostApplicationBuilder builder) => ConfiguredOptions(builder).Provider;

    private static DatabaseOptions ConfiguredOptions(IHostApplicationBuilder builder) =>
        builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();

    private static void AddContext<TContext>(IHostApplicationBuilder builder, Action<DbContextOptionsBuilder> useProvider)
        where TContext : AppDbContext
    {
        // Pooled: a context per operation is the pattern everywhere, and pooling makes it nearly free.
        builder.Services.AddPooledDbContextFactory<TContext>(useProvider);
        builder.Services.AddSingleton<IDbContextFactory<AppDbContext>, AppDbContextFactory<TContext>>();
        builder.Services.AddScoped<AppDbContext>(services => services.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext());
    }
}
