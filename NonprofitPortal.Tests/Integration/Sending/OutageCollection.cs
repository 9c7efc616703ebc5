using NonprofitPortal.Tests.Infrastructure;

namespace NonprofitPortal.Tests.Integration.Sending;

/// <summary>
/// Tests that stop their database mid-campaign. They share a PostgreSQL cluster of their own,
/// started once per run, so that no other test's database goes away under it; one at a time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class OutageCollection : ICollectionFixture<OutagePostgres>
{
    public const string Name = "Database outages";
}

/// <summary>The outage tests' own PostgreSQL cluster.</summary>
public sealed class OutagePostgres : IAsyncLifetime
{
    public PostgresServer Server { get; } = new();

    public ValueTask InitializeAsync() => Server.InitializeAsync();

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
