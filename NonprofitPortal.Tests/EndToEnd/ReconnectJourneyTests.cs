using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NonprofitPortal.Tests.Infrastructure;
using NonprofitPortal.Tests.Integration;

namespace NonprofitPortal.Tests.EndToEnd;

[Collection(BrowserJourneyCollection.Name)]
public sealed class ReconnectJourneyTests(BrowserHost app, ChromiumBrowser browser)
{
    [Fact]
    public async Task A_dropped_connection_shows_a_reconnecting_banner_that_goes_away_once_back()
    {
        await using var session = await SignedInBrowser.StartAsync(browser, app, PortalHost.AdminEmail, PortalHost.AdminPassword);
        var page = session.Page;
        IWebSocketRoute? circuit = null;
        await page.RouteWebSocketAsync(new Regex("/_blazor"), socket =>
        {
            circuit = socket;
            socket.ConnectToServer();
        });
        await page.ReloadAsync();
        await session.Shell.WaitUntilInteractiveAsync();
        var banner = page.Locator("#components-reconnect-modal");
        await Assertions.Expect(banner).ToBeHiddenAsync();

        await circuit!.CloseAsync();

        await Assertions.Expect(banner).ToBeVisibleAsync();
        await Assertions.Expect(banner).ToContainTextAsync("Reconnecting");
        await Assertions.Expect(banner).ToBeHiddenAsync(new() { Timeout = 20_000 });
        await session.Shell.GoToAsync("Nonprofits", "Nonprofits");
    }
}
