using Bunit;
using Microsoft.AspNetCore.Components;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Campaigns.Pages;
using NonprofitPortal.Features.Campaigns.Reports;
using NonprofitPortal.Tests.Components;
using NonprofitPortal.Tests.Integration;

namespace NonprofitPortal.Tests.Features.Campaigns;

/// <summary>The comparison page against the real services of a real host (SQLite), rendered by bUnit.</summary>
[Collection(SqliteHostCollection.Name)]
public sealed class CampaignComparePageTests : MudTestContext
{
    private readonly SeededCampaigns _campaigns;

    public CampaignComparePageTests(SqliteHost fixture)
    {
        _campaigns = new SeededCampaigns(fixture.Host);
        foreach (var service in new[] { typeof(CampaignReports), typeof(CampaignService) })
        {
            Services.AddSingleton(service, fixture.Host.Services.GetRequiredService(service));
        }

        AddAuthorization().SetAuthorized(PortalHost.AdminEmail).SetPolicies(Permissions.CampaignsView);
    }

    [Fact]
    public async Task One_column_per_campaign_with_counts_and_rates_and_the_best_rate_of_each_row_marked_in_words()
    {
        var spring = await _campaigns.AddAsync("Side spring", CampaignStatus.Completed, total: 100, sent: 100);
        var autumn = await _campaigns.AddAsync("Side autumn", CampaignStatus.Completed, total: 200, sent: 200);
        await _campaigns.SetOutcomesAsync(spring, bounced: 10, complained: 0, unsubscribed: 2, uniqueOpens: 45, uniqueClicks: 9);
        await _campaigns.SetOutcomesAsync(autumn, bounced: 4, complained: 1, unsubscribed: 2, uniqueOpens: 0, uniqueClicks: 0, tracked: false);

        var page = Open($"{spring},{autumn},999999999");

        page.WaitForElement("[data-testid=comparison]");
        Assert.Equal(["Side spring", "Side autumn"], page.FindAll("[data-testid=compare-campaign] a[href$=report]").Select(a => a.TextContent.Trim()));
        Assert.Equal($"campaigns/{spring}/report", page.Find("[data-testid=compare-campaign] a").GetAttribute("href"));
        Assert.Equal(["100", "200"], Cells(page, "recipients").Select(c => Count(c)));
        // Delivered: 90 of 100 against 196 of 200; bounced 10 of 90 against 4 of 196.
        Assert.Equal([("90", false), ("196", true)], Cells(page, "delivered").Select(c => (Count(c), IsBest(c))));
        Assert.Equal([false, true], Cells(page, "bounced").Select(IsBest));
        Assert.Equal([true, false], Cells(page, "complained").Select(IsBest));
        Assert.Contains($"{45 / 90.0:P1} of delivered", Cells(page, "unique-opens")[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("not tracked", Cells(page, "unique-opens")[1].QuerySelector("[data-testid=compare-rate]")!.TextContent.Trim());
        // The only campaign that tracked opens has nobody to be better than.
        Assert.Empty(page.FindAll("[data-testid=compare-unique-opens] [data-testid=compare-best]"));
        Assert.Contains("One campaign asked for does not exist", page.Find("[data-testid=compare-missing]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_campaign_asks_for_another_to_compare_it_with()
    {
        var only = await _campaigns.AddAsync("Alone for now", CampaignStatus.Completed, total: 10, sent: 10);

        var page = Open($"{only}");

        page.WaitForElement("[data-testid=compare-too-few]");
        Assert.Single(page.FindAll("[data-testid=compare-campaign]"));
        Assert.Empty(page.FindAll("[data-testid=compare-best]"));
    }

    private IRenderedComponent<IComponent> Open(string ids)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"campaigns/compare?ids={ids}");
        return RenderWithProviders<CampaignComparePage>();
    }

    private static List<AngleSharp.Dom.IElement> Cells(IRenderedComponent<IComponent> page, string measure) =>
        page.FindAll($"[data-testid=compare-{measure}] [data-testid=compare-cell]").ToList();

    private static string Count(AngleSharp.Dom.IElement cell) =>
        cell.ChildNodes.First(n => n.TextContent.Trim().Length > 0).TextContent.Trim();

    private static bool IsBest(AngleSharp.Dom.IElement cell) => cell.QuerySelector("[data-testid=compare-best]") is not null;
}
