using NonprofitPortal.Tests.Integration;

namespace NonprofitPortal.Tests.EndToEnd;

/// <summary>The app on a real Kestrel port, for the browser journeys; one per run.</summary>
public sealed class BrowserHost : IAsyncLifetime
{
    public PortalHost Host { get; } = new(useKestrel: true);

    public string BaseUrl { get; private set; } = "";

    public ValueTask InitializeAsync()
    {
        BaseUrl = Host.ServerAddress.ToString();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}
