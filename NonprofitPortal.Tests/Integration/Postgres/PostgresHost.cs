using NonprofitPortal.Tests.Infrastructure;

namespace NonprofitPortal.Tests.Integration.Postgres;

/// <summary>One real host on a fresh database of the run's PostgreSQL cluster, shared by a collection.</summary>
public sealed class PostgresHost(PostgresServer postgres) : IAsyncLifetime, IPortalHostFixture
{
    private PortalHost? _host;

    public PortalHost Host
    {
        get
        {
            RealServer.Require(_host is not null, $"PostgreSQL is needed: {postgres.UnavailableReason}");
            return _host;
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (!postgres.IsAvailable)
        {
            return;
        }

        var connectionString = await postgres.CreateDatabaseAsync("shared", CancellationToken.None);
        _host = new PortalHost(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSQL",
            ["ConnectionStrings:Default"] = connectionString,
        });
        _host.StartServer();
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
