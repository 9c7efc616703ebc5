using Microsoft.Playwright;

namespace NonprofitPortal.Tests.Infrastructure;

/// <summary>
/// One headless Debian chromium shared by the tests (use as an xunit assembly or collection
/// fixture). Playwright drives the system binary, so no browser is ever downloaded.
/// </summary>
public sealed class ChromiumBrowser : IAsyncLifetime
{
    private const string ExecutablePath = "/usr/bin/chromium";
    private static readonly TimeSpan _defaultTimeout = TimeSpan.FromSeconds(15);

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public bool IsAvailable => _browser is not null;

    public string? UnavailableReason { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            UnavailableReason = $"{ExecutablePath} is not installed (apt-get install chromium).";
            return;
        }

        try
        {
            // Qualified so that a NonprofitPortal.Tests.Playwright namespace cannot shadow it.
            _playwright = await Microsoft.Playwright.Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Timeout = (float)TimeSpan.FromSeconds(60).TotalMilliseconds,
                Args =
                [
                    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic",
                ],
            });
        }
        catch (PlaywrightException ex)
        {
            UnavailableReason = $"Could not launch {ExecutablePath} through Playwright: {ex.Message}";
            _playwright?.Dispose();
            _playwright = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
            _browser = null;
        }

        _playwright?.Dispose();
        _playwright = null;
    }

    public Task<IBrowserContext> NewContextAsync(string baseUrl) => NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl });

    /// <summary>A context with its own options: a viewport, a colour scheme.</summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options)
    {
        if (_browser is null)
        {
            throw new InvalidOperationException(UnavailableReason);
        }

        var context = await _browser.NewContextAsync(options);
        context.SetDefaultTimeout((float)_defaultTimeout.TotalMilliseconds);
        return context;
    }
}
