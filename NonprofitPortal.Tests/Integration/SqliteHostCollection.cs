namespace NonprofitPortal.Tests.Integration;

/// <summary>Tests that share one real host on one SQLite file; each uses its own users so they do not interfere.</summary>
[CollectionDefinition(Name)]
public sealed class SqliteHostCollection : ICollectionFixture<SqliteHost>
{
    public const string Name = "SQLite host";
}
