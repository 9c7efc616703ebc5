using Bunit;
using Microsoft.AspNetCore.Components;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Campaigns.Pages;
using NonprofitPortal.Features.Campaigns.Progress;
using NonprofitPortal.Tests.Components;
using NonprofitPortal.Tests.Integration;

namespace NonprofitPortal.Tests.Features.Campaigns;

/// <summary>The dashboard's running campaigns against the real services of a real host (SQLite), rendered by bUnit.</summary>
[Collection(SqliteHostCollection.Name)]
public sealed class RunningCampaignsCardTests : MudTestContext
{
    private readonly SeededCampaigns _campaigns;

    public RunningCampaignsCardTests(SqliteHost fixture)
    {
        _campaigns = new SeededCampaigns(fixture.Host);
        foreach (var service in new[] { typeof(CampaignService), typeof(CampaignProgressMonitor), typeof(TimeProvider) })
        {
            Services.AddSingleton(service, fixture.Host.Services.GetRequiredService(service));
        }
    }

    [Fact]
    public async Task A_running_campaign_moves_on_the_dashboard_and_todays_totals_move_with_it()
    {
        var id = await _campaigns.AddAsync("On the dashboard", CampaignStatus.Sending, total: 40, sent: 10, failed: 2);
        await _campaigns.AddAsync("Finished, not running", CampaignStatus.Completed, total: 5, sent: 5);
        var card = RenderWithProviders<RunningCampaignsCard>();
        card.WaitForAssertion(() => Assert.Equal("12 of 40", Done(card, "On the dashboard")));
        var (sentBefore, failedBefore) = (Count(card, "sent-today"), Count(card, "failed-today"));

        await _campaigns.AdvanceAsync(id, sent: 25, CampaignStatus.Sending);

        card.WaitForAssertion(() => Assert.Equal("27 of 40", Done(card, "On the dashboard")), TimeSpan.FromSeconds(5));
        Assert.Equal((sentBefore + 15, failedBefore), (Count(card, "sent-today"), Count(card, "failed-today")));
        Assert.DoesNotContain("Finished, not running", card.Markup);
        Assert.Equal($"campaigns/{id}", Row(card, "On the dashboard").QuerySelector("a")!.GetAttribute("href"));
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<IComponent> card, string name) =>
        card.FindAll("[data-testid=running-campaign]").Single(row => row.QuerySelector("a")?.TextContent.Trim() == name);

    private static string Done(IRenderedComponent<IComponent> card, string name) =>
        Row(card, name).QuerySelector("[data-testid=running-campaign-done]")!.TextContent.Trim();

    private static int Count(IRenderedComponent<IComponent> card, string testId) =>
        int.Parse(card.Find($"[data-testid={testId}]").TextContent, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.CurrentCulture);
}
