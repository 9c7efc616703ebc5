using Bunit;
using Microsoft.AspNetCore.Components;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Campaigns.Pages;
using NonprofitPortal.Features.Campaigns.Progress;
using NonprofitPortal.Tests.Components;
using NonprofitPortal.Tests.Integration;

namespace NonprofitPortal.Tests.Features.Campaigns;

/// <summary>The campaigns list against the real services of a real host (SQLite), rendered by bUnit.</summary>
[Collection(SqliteHostCollection.Name)]
public sealed class CampaignsListTests : MudTestContext
{
    private readonly SeededCampaigns _campaigns;

    public CampaignsListTests(SqliteHost fixture)
    {
        _campaigns = new SeededCampaigns(fixture.Host);
        foreach (var service in new[] { typeof(CampaignService), typeof(CampaignProgressMonitor), typeof(TimeProvider) })
        {
            Services.AddSingleton(service, fixture.Host.Services.GetRequiredService(service));
        }

        AddAuthorization().SetAuthorized(PortalHost.AdminEmail).SetPolicies(Permissions.CampaignsView);
    }

    [Fact]
    public async Task Each_row_shows_the_status_the_numbers_and_who_sent_it()
    {
        var id = await _campaigns.AddAsync("Listed with failures", CampaignStatus.Completed, total: 40, sent: 37, failed: 3);

        var list = RenderWithProviders<CampaignsList>();

        list.WaitForAssertion(() => Assert.Equal(
            ["Listed with failures", "Completed", "", "37", "3", "0"],
            Cells(list, "Listed with failures").Take(6)));
        Assert.Equal(PortalHost.AdminEmail, Cells(list, "Listed with failures")[^1]);
        Assert.Equal($"campaigns/{id}", Row(list, "Listed with failures").QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Rows_of_a_running_campaign_follow_it_until_it_ends()
    {
        var id = await _campaigns.AddAsync("Listed while sending", CampaignStatus.Sending, total: 40, sent: 10);
        var list = RenderWithProviders<CampaignsList>();
        list.WaitForAssertion(() => Assert.Equal(["Sending", "", "10", "0", "30"], Cells(list, "Listed while sending").Skip(1).Take(5)));

        await _campaigns.AdvanceAsync(id, sent: 40, CampaignStatus.Completed);

        list.WaitForAssertion(() => Assert.Equal(["Completed", "", "40", "0", "0"], Cells(list, "Listed while sending").Skip(1).Take(5)), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task The_status_filter_shows_only_campaigns_with_that_status()
    {
        await _campaigns.AddAsync("Filtered paused", CampaignStatus.Paused, total: 10, sent: 1);
        await _campaigns.AddAsync("Filtered cancelled", CampaignStatus.Cancelled, total: 10, sent: 1);
        var list = RenderWithProviders<CampaignsList>();
        list.WaitForAssertion(() => Assert.Contains("Filtered cancelled", list.Markup));
        Assert.Equal("All", list.Find("[data-testid=status-filter]").GetAttribute("value"));

        await list.InvokeAsync(() => list.Find(".mud-select .mud-input-control").MouseDown());
        await list.InvokeAsync(() => list.FindAll(".mud-popover .mud-list-item").Single(item => item.TextContent.Trim() == "Paused").Click());

        list.WaitForAssertion(() => Assert.DoesNotContain("Filtered cancelled", list.Markup));
        Assert.Contains("Filtered paused", list.Markup);
        Assert.All(list.FindAll("tbody [data-testid=campaign-status]"), chip => Assert.Equal("Paused", chip.TextContent.Trim()));
    }

    [Fact]
    public async Task Ticking_two_campaigns_compares_them()
    {
        var first = await _campaigns.AddAsync("Ticked first", CampaignStatus.Completed, total: 10, sent: 10);
        var second = await _campaigns.AddAsync("Ticked second", CampaignStatus.Completed, total: 10, sent: 10);
        var list = RenderWithProviders<CampaignsList>();
        list.WaitForAssertion(() => Assert.Contains("Ticked second", list.Markup));
        Assert.Contains("tick two or more", list.Find("[data-testid=compare-selected]").TextContent, StringComparison.Ordinal);

        await list.InvokeAsync(() => Row(list, "Ticked second").QuerySelector("input[type=checkbox]")!.Change(true));
        await list.InvokeAsync(() => Row(list, "Ticked first").QuerySelector("input[type=checkbox]")!.Change(true));

        var compare = list.Find("[data-testid=compare-selected]");
        Assert.Equal($"campaigns/compare?ids={second},{first}", compare.GetAttribute("href"));
        Assert.Contains("Compare 2", compare.TextContent, StringComparison.Ordinal);
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<IComponent> list, string name) =>
        list.FindAll("tbody tr").Single(row => row.QuerySelector("a")?.TextContent.Trim() == name);

    private static List<string> Cells(IRenderedComponent<IComponent> list, string name) =>
        Row(list, name).QuerySelectorAll("td").Skip(1).Select(cell => cell.TextContent.Trim()).ToList();
}
