namespace NonprofitPortal.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSQL,
}
