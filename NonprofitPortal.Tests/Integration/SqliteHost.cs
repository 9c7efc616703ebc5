namespace NonprofitPortal.Tests.Integration;

public sealed class SqliteHost() : IAsyncLifetime, IPortalHostFixture
{
    public PortalHost Host { get; } = new();

    public ValueTask InitializeAsync()
    {
        Host.StartServer();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}
