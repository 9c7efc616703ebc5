using Microsoft.Playwright;
using NonprofitPortal.Tests.EndToEnd.Pages;
using NonprofitPortal.Tests.Infrastructure;

namespace NonprofitPortal.Tests.EndToEnd;

/// <summary>A fresh browser context on the app, signed in as someone: where every journey starts.</summary>
public sealed class SignedInBrowser : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private SignedInBrowser(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        Shell = new ShellPage(page);
        page.PageError += (_, error) => Problems.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                Problems.Add(message.Text);
            }
        };
    }

    public IPage Page { get; }

    /// <summary>Scripts that threw and what the Content-Security-Policy refused, since the session began: either is a broken page.</summary>
    public List<string> Problems { get; } = [];

    public ShellPage Shell { get; }

    public static Task<SignedInBrowser> StartAsync(ChromiumBrowser browser, BrowserHost app, string email, string password) =>
        StartAsync(browser, app.BaseUrl, email, password);

    public static async Task<SignedInBrowser> StartAsync(ChromiumBrowser browser, string baseUrl, string email, string password)
    {
        RealServer.Require(browser.IsAvailable, $"Chromium is needed: {browser.UnavailableReason}");
        var context = await browser.NewContextAsync(baseUrl);
        var page = await context.NewPageAsync();
        await new LoginPage(page).SignInAsync(email, password);
        return new SignedInBrowser(context, page);
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();
}
