namespace NonprofitPortal.Tests.Integration.Postgres;

[CollectionDefinition(Name)]
public sealed class PostgresHostCollection : ICollectionFixture<PostgresHost>
{
    public const string Name = "PostgreSQL host";
}
