using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Campaigns.Pages;
using NonprofitPortal.Features.Campaigns.Reports;
using NonprofitPortal.Tests.Components;
using NonprofitPortal.Tests.Integration;

namespace NonprofitPortal.Tests.Features.Campaigns;

/// <summary>
/// The dashboard's sending health over the real database of a real host (SQLite), rendered by bUnit.
/// Each test's clock is in a year of its own far ahead, so only what it recorded is in its 30 days.
/// </summary>
[Collection(SqliteHostCollection.Name)]
public sealed class SendingHealthCardTests : MudTestContext
{
    private readonly PortalHost _host;

    public SendingHealthCardTests(SqliteHost fixture)
    {
        _host = fixture.Host;
    }

    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Bounces_past_two_percent_show_a_warning_that_says_to_check_the_list()
    {
        var card = await RenderAtAsync(new DateTimeOffset(2094, 3, 15, 12, 0, 0, TimeSpan.Zero), sent: 100, bounced: 3, complained: 0);

        var warning = card.Find("[data-testid=bounce-warning]");
        Assert.Contains("3%", warning.TextContent, StringComparison.Ordinal);
        Assert.Contains("Check the list", warning.TextContent, StringComparison.Ordinal);
        Assert.Equal("suppression", warning.QuerySelector("a")!.GetAttribute("href"));
        Assert.Empty(card.FindAll("[data-testid=complaint-warning]"));
    }

    [Fact]
    public async Task Complaints_past_a_tenth_of_a_percent_show_their_own_warning()
    {
        var card = await RenderAtAsync(new DateTimeOffset(2095, 3, 15, 12, 0, 0, TimeSpan.Zero), sent: 1000, bounced: 0, complained: 2);

        Assert.Contains("0.2%", card.Find("[data-testid=complaint-warning]").TextContent, StringComparison.Ordinal);
        Assert.Empty(card.FindAll("[data-testid=bounce-warning]"));
    }

    [Fact]
    public async Task Rates_at_the_limits_show_no_warning_and_the_charts_of_the_days_in_utc()
    {
        var card = await RenderAtAsync(new DateTimeOffset(2096, 3, 15, 12, 0, 0, TimeSpan.Zero), sent: 1020, bounced: 20, complained: 1);

        Assert.Empty(card.FindAll("[data-testid=bounce-warning]"));
        Assert.Empty(card.FindAll("[data-testid=complaint-warning]"));
        Assert.Contains("1,020", card.Find("[data-testid=health-sent]").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(card.FindAll("[data-testid=sending-health-sent-chart] svg path"));
        Assert.NotEmpty(card.FindAll("[data-testid=sending-health-rate-chart] svg path"));
        Assert.Contains("UTC", card.Find("[data-testid=sending-health-zone]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_sent_says_so_and_warns_of_nothing()
    {
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2097, 3, 15, 12, 0, 0, TimeSpan.Zero)));
        Services.AddSingleton(sp => new SendingHealth(_host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>(), sp.GetRequiredService<TimeProvider>()));

        var card = RenderWithProviders<SendingHealthCard>();

        card.WaitForElement("[data-testid=sending-health-empty]");
        Assert.Empty(card.FindAll("[data-testid$=-warning]"));
    }

    private async Task<IRenderedComponent<IComponent>> RenderAtAsync(DateTimeOffset now, int sent, int bounced, int complained)
    {
        var time = new FakeTimeProvider(now);
        var contexts = _host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var campaign = await new SeededCampaigns(_host).AddAsync("Health card", CampaignStatus.Completed, total: sent, sent: sent);
        await using (var db = await contexts.CreateDbContextAsync(Cancel))
        {
            // Spread over two days, so the judgement is over the period, not a day.
            db.CampaignActivity.AddRange(
                new CampaignActivity { CampaignId = campaign, Hour = ActivityHours.Of(now.AddDays(-3)), Sent = sent / 2, Bounced = bounced },
                new CampaignActivity { CampaignId = campaign, Hour = ActivityHours.Of(now.AddHours(-1)), Sent = sent - sent / 2, Complained = complained });
            await db.SaveChangesAsync(Cancel);
        }

        Services.AddSingleton<TimeProvider>(time);
        Services.AddSingleton(new SendingHealth(contexts, time));
        var card = RenderWithProviders<SendingHealthCard>();
        card.WaitForElement("[data-testid=health-sent]");
        return card;
    }
}
