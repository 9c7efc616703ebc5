using System.Globalization;
using Microsoft.Playwright;

namespace NonprofitPortal.Tests.EndToEnd.Pages;

/// <summary>A campaign's report: its totals and the hourly chart.</summary>
public sealed class CampaignReportPage(IPage page)
{
    public ILocator ChartPoints => page.GetByTestId("report-timeline").Locator("svg .mud-chart-point");

    public ILocator ChartLines => page.GetByTestId("report-timeline").Locator("svg path.mud-chart-line");

    public async Task OpenAsync(long campaignId)
    {
        await page.GotoAsync($"campaigns/{campaignId}/report");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Report:", Exact = false }).WaitForAsync();
    }

    /// <summary>The count shown for a total (<c>delivered</c>, <c>unique-opens</c>, <c>unique-clicks</c>...).</summary>
    public async Task<int> CountAsync(string key) =>
        int.Parse(await page.GetByTestId($"report-{key}").GetByTestId("report-count").InnerTextAsync(), NumberStyles.AllowThousands, CultureInfo.CurrentCulture);
}
