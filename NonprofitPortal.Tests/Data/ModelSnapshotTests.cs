using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Components;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Operations;
using NonprofitPortal.Features.Sending;

namespace NonprofitPortal.Tests.Data;

/// <summary>
/// A model change that missed one provider's migrations fails here, without any server. The
/// context comes from the app's own registrations: Identity's schema version lives there.
/// </summary>
public sealed class ModelSnapshotTests
{
    [Theory]
    [InlineData("Sqlite", "Data Source=:memory:")]
    [InlineData("SqlServer", "Server=unused;Database=unused")]
    [InlineData("PostgreSQL", "Host=unused;Database=unused")]
    public void The_migrations_of_each_provider_match_the_model(string provider, string connectionString)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration["Database:Provider"] = provider;
        builder.Configuration["ConnectionStrings:Default"] = connectionString;
        builder.AddData();
        builder.AddOperations();
        builder.AddSending();
        builder.AddAccounts();
        builder.AddUserInterface();
        using var app = builder.Build();
        using var scope = app.Services.CreateScope();

        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.False(db.Database.HasPendingModelChanges(), $"{provider}: the model has changes that no migration captures; add a migration for every provider.");
    }
}
