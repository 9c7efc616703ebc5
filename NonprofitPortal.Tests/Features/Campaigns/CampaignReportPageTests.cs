using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Campaigns.Pages;
using NonprofitPortal.Features.Campaigns.Reports;
using NonprofitPortal.Tests.Components;
using NonprofitPortal.Tests.Integration;

namespace NonprofitPortal.Tests.Features.Campaigns;

/// <summary>The report page against the real services of a real host (SQLite), rendered by bUnit.</summary>
[Collection(SqliteHostCollection.Name)]
public sealed class CampaignReportPageTests : MudTestContext
{
    private readonly PortalHost _host;
    private readonly SeededCampaigns _campaigns;

    public CampaignReportPageTests(SqliteHost fixture)
    {
        _host = fixture.Host;
        _campaigns = new SeededCampaigns(fixture.Host);
        Services.AddSingleton(_host.Services.GetRequiredService<CampaignReports>());
        AddAuthorization().SetAuthorized(PortalHost.AdminEmail).SetPolicies(Permissions.CampaignsView);
    }

    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_report_shows_the_numbers_the_api_gives_with_their_rates_and_a_chart_of_the_hours()
    {
        var id = await _campaigns.AddAsync("Spring round", CampaignStatus.Completed, total: 40, sent: 40);
        var hour = ActivityHours.Of(DateTimeOffset.UtcNow.AddHours(-2));
        await using (var db = await _host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Cancel))
        {
            await db.Campaigns.Where(c => c.Id == id).ExecuteUpdateAsync(c => c.SetProperty(x => x.Bounced, 4).SetProperty(x => x.UniqueOpens, 18).SetProperty(x => x.Opens, 25), Cancel);
            db.CampaignActivity.AddRange(
                new CampaignActivity { CampaignId = id, Hour = hour, Sent = 30, Bounced = 3, Opens = 20 },
                new CampaignActivity { CampaignId = id, Hour = hour + 1, Sent = 10, Bounced = 1, Opens = 5 });
            await db.SaveChangesAsync(Cancel);
        }

        var report = (await _host.Services.GetRequiredService<CampaignReports>().FindAsync(id, Cancel))!;
        var page = RenderWithProviders(builder =>
        {
            builder.OpenComponent<CampaignReportPage>(0);
            builder.AddAttribute(1, nameof(CampaignReportPage.Id), id);
            builder.CloseComponent();
        });

        page.WaitForAssertion(() => Assert.Equal(report.Delivered.ToString("N0"), Count(page, "delivered")));
        Assert.Equal(36, report.Delivered);
        Assert.Equal(report.UniqueOpens.ToString("N0"), Count(page, "unique-opens"));
        Assert.Contains($"{0.5:P1} of delivered", page.Find("[data-testid=report-unique-opens]").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.FindAll("[data-testid=report-timeline] svg"));
        Assert.Contains("No tracked links", page.Find("[data-testid=report-links]").TextContent, StringComparison.Ordinal);
    }

    private static string Count(IRenderedComponent<IComponent> page, string key) =>
        page.Find($"[data-testid=report-{key}] [data-testid=report-count]").TextContent.Trim();
}
