using Microsoft.Playwright;
using NonprofitPortal.Features.Drafts.Templates;
using NonprofitPortal.Features.Layouts;
using NonprofitPortal.Tests.Infrastructure;

namespace NonprofitPortal.Tests.EndToEnd;

/// <summary>
/// The shipped layout as a mail client's HTML view shows it, in chromium: readable from a phone
/// to a desktop, in light and dark. The screenshots stay in the test output's screenshots folder.
/// </summary>
public sealed class DefaultLayoutTests(ChromiumBrowser browser)
{
    private const string LongAddress = "<p>The full report: https://foundation.example/reports/2026/annual-review-of-every-programme-the-foundation-funds-and-why</p>";

    public static readonly string ScreenshotFolder = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Theory]
    [InlineData(375, ColorScheme.Light)]
    [InlineData(375, ColorScheme.Dark)]
    [InlineData(800, ColorScheme.Light)]
    [InlineData(800, ColorScheme.Dark)]
    public async Task The_default_layout_fits_the_window_without_scrolling_sideways(int width, ColorScheme scheme)
    {
        RealServer.Require(browser.IsAvailable, $"Chromium is needed: {browser.UnavailableReason}");
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = width, Height = 900 }, ColorScheme = scheme });
        var page = await context.NewPageAsync();

        await page.SetContentAsync(Rendered());
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, $"default-layout-{width}-{scheme.ToString().ToLowerInvariant()}.png"), FullPage = true });

        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var viewport = await page.EvaluateAsync<int>("() => window.innerWidth");
        Assert.True(scrollWidth <= viewport, $"The page is {scrollWidth} px wide in a {viewport} px window.");
        var card = await page.Locator("table.card").BoundingBoxAsync();
        Assert.InRange(card!.Width, Math.Min(width - 24, 600) - 1, 600);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Unsubscribe" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("2 Foundation Row")).ToBeVisibleAsync();
    }

    private static string Rendered()
    {
        var (template, errors) = EmailDocument.Compose(LayoutSample.Body + LongAddress, DefaultLayout.Html);
        Assert.Empty(errors);
        var model = new TemplateModel(
            new NonprofitValues("Riverside Community Food Bank", "1 River Road", "hello@riverside.example", []),
            new FoundationValues("Acme Foundation", "2 Foundation Row\nSpringfield 12345"),
            new SenderValues("Grace Officer", "grace@acme.example"),
            "https://acme.example/unsubscribe/abc",
            new DateOnly(2026, 10, 1)) { WebVersionUrl = "https://acme.example/email/abc" };
        var rendered = new TemplateRenderer().Render("Subject", template!, model, TestContext.Current.CancellationToken);
        Assert.True(rendered.Succeeded, string.Join("; ", rendered.Errors.Select(e => e.Message)));
        return rendered.Email.Html;
    }
}
