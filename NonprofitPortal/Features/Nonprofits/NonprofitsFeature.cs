using NonprofitPortal.Data;
using NonprofitPortal.Features.Nonprofits.DataRequests;
using NonprofitPortal.Features.Nonprofits.Import;
using NonprofitPortal.Features.Nonprofits.Search;

namespace NonprofitPortal.Features.Nonprofits;

public static class NonprofitsFeature
{
    public static IHostApplicationBuilder AddNonprofits(this IHostApplicationBuilder builder)
    {
        var provider = builder.ConfiguredDatabaseProvider();
        builder.Services.AddSingleton<INonprofitSearch>(provider switch
        {
            DatabaseProvider.PostgreSQL => new PostgresNonprofitSearch(),
            DatabaseProvider.SqlServer => new SqlServerNonprofitSearch(),
            _ => new SqliteNonprofitSearch(),
        });
        builder.Services.AddSingleton<INonprofitBulkWriter>(provider == DatabaseProvider.Sqlite ? new SqliteNonprofitBulkWriter() : new EfNonprofitBulkWriter());
        builder.Services.AddSingleton<NonprofitDirectory>();
        builder.Services.AddSingleton<NonprofitEditor>();
        builder.Services.AddSingleton<NonprofitImporter>();
        builder.Services.AddSingleton<NonprofitCsvExport>();
        builder.Services.AddSingleton<NonprofitSuppression>();
        builder.Services.AddSingleton<NonprofitHistory>();
        builder.Services.AddSingleton<ErasedEmails>();
        builder.Services.AddSingleton<NonprofitDataRequests>();
        return builder;
    }
}
