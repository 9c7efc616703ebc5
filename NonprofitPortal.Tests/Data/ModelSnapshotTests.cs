using Microsoft.EntityFrameworkCore;

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
        using var model = new ProviderModel(provider, connectionString);

        Assert.False(model.Db.Database.HasPendingModelChanges(), $"{provider}: the model has changes that no migration captures; add a migration for every provider.");
    }
}
