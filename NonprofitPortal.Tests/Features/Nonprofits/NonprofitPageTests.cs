using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Bounces;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Nonprofits;
using NonprofitPortal.Features.Nonprofits.DataRequests;
using NonprofitPortal.Features.Nonprofits.Pages;
using NonprofitPortal.Features.Tracking;
using NonprofitPortal.Tests.Features.Campaigns;
using NonprofitPortal.Tests.Components;
using NonprofitPortal.Tests.Integration;

namespace NonprofitPortal.Tests.Features.Nonprofits;

/// <summary>A nonprofit's page against the real services of a real host (SQLite), rendered by bUnit.</summary>
[Collection(SqliteHostCollection.Name)]
public sealed class NonprofitPageTests : MudTestContext
{
    private static readonly ClaimsPrincipal Admin = new(new ClaimsIdentity([new Claim(ClaimTypes.Name, PortalHost.AdminEmail)], "test"));
    private readonly PortalHost _host;

    public NonprofitPageTests(SqliteHost fixture)
    {
        _host = fixture.Host;
        foreach (var service in new[] { typeof(NonprofitDirectory), typeof(NonprofitHistory), typeof(NonprofitSuppression), typeof(NonprofitDataRequests) })
        {
            Services.AddSingleton(service, _host.Services.GetRequiredService(service));
        }

        AddAuthorization().SetAuthorized(PortalHost.AdminEmail).SetPolicies(Permissions.NonprofitsView, Permissions.NonprofitsEdit);
    }

    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_suppressed_nonprofit_shows_why_with_its_bounce_history_and_allow_again_asks_then_lifts_it_with_an_audit_entry()
    {
        var id = (await _host.Services.GetRequiredService<NonprofitEditor>().CreateAsync(new NonprofitInput("Bounced Trust", "Road", "gone@page-bounce.org", []), Admin, Cancel)).Value!.Id;
        await using (var db = await Database())
        {
            db.DeliveryEvents.Add(new DeliveryEvent { NonprofitId = id, Kind = DeliveryEventKind.HardBounce, Detail = "550 5.1.1 User unknown", Source = "bounces", ExternalId = $"page-{id}", At = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync(Cancel);
        }

        await _host.Services.GetRequiredService<NonprofitSuppression>().SuppressAsync(id, SuppressionReasons.HardBounce, Actor.System, "550 5.1.1 User unknown", Cancel);
        var root = RenderWithProviders(builder =>
        {
            builder.OpenComponent<NonprofitPage>(0);
            builder.AddAttribute(1, nameof(NonprofitPage.Id), id);
            builder.CloseComponent();
        });

        root.WaitForAssertion(() => Assert.Contains("its address does not exist (hard bounce)", root.Find("[data-testid=suppressed-why]").TextContent));
        Assert.Contains("550 5.1.1 User unknown", root.Find("[data-testid=suppressed-why]").TextContent);
        Assert.Contains("Hard bounce (bounces): 550 5.1.1 User unknown", root.Find("[data-testid=nonprofit-history]").TextContent);
        await root.InvokeAsync(() => root.Find("[data-testid=allow-again]").Click());
        root.WaitForAssertion(() => Assert.Contains("Allow mail again?", root.Markup));
        await root.InvokeAsync(() => root.FindAll("button").Single(b => b.TextContent.Trim() == "Allow again" && !b.HasAttribute("data-testid")).Click());

        root.WaitForAssertion(() => Assert.Empty(root.FindAll("[data-testid=suppressed-why]")));
        await using var check = await Database();
        var nonprofit = await check.Nonprofits.AsNoTracking().SingleAsync(n => n.Id == id, Cancel);
        Assert.Equal((null, null), (nonprofit.SuppressedAt, nonprofit.SuppressionReason));
        Assert.NotNull(nonprofit.SuppressionClearedAt);
        Assert.Equal(1, await check.AuditEntries.CountAsync(a => a.Action == NonprofitAuditActions.Unsuppressed && a.Subject!.Contains("gone@page-bounce.org"), Cancel));
    }

    [Fact]
    public async Task The_history_is_a_timeline_of_every_kind_of_entry_newest_first_each_linked_to_its_campaign()
    {
        var id = (await _host.Services.GetRequiredService<NonprofitEditor>().CreateAsync(new NonprofitInput("Timeline Trust", "Road", "all@page-timeline.org", []), Admin, Cancel)).Value!.Id;
        var campaigns = new SeededCampaigns(_host);
        var spring = await campaigns.AddAsync("Timeline spring", CampaignStatus.Completed, total: 1, sent: 1);
        var autumn = await campaigns.AddAsync("Timeline autumn", CampaignStatus.Completed, total: 1, sent: 0, failed: 0);
        var start = DateTimeOffset.UtcNow.AddHours(-8);
        await using (var db = await Database())
        {
            var sent = new EmailSend { CampaignId = spring, NonprofitId = id, Email = "all@page-timeline.org", Status = SendStatus.Sent, SentAt = start, ServerReply = "250 2.0.0 Ok: queued", NextAttemptAt = start };
            db.EmailSends.AddRange(sent, new EmailSend { CampaignId = autumn, NonprofitId = id, Email = "all@page-timeline.org", Status = SendStatus.Failed, NextAttemptAt = start.AddHours(7), LastError = "421 try later" });
            db.CampaignLinks.Add(new CampaignLink { CampaignId = spring, LinkIndex = 0, Url = "https://grants.example.org/timeline" });
            await db.SaveChangesAsync(Cancel);
            db.TrackingEvents.AddRange(
                new TrackingEvent { SendId = sent.Id, CampaignId = spring, NonprofitId = id, Kind = TrackingEventKind.Opened, At = start.AddHours(1), IsFirst = true },
                new TrackingEvent { SendId = sent.Id, CampaignId = spring, NonprofitId = id, Kind = TrackingEventKind.Clicked, LinkIndex = 0, At = start.AddHours(2), IsFirst = true, IsFirstOnLink = true });
            db.DeliveryEvents.AddRange(
                new DeliveryEvent { SendId = sent.Id, CampaignId = spring, NonprofitId = id, Kind = DeliveryEventKind.SoftBounce, Detail = "452 mailbox full", Source = "bounces", ExternalId = $"timeline-{id}-1", At = start.AddHours(3) },
                new DeliveryEvent { SendId = sent.Id, CampaignId = spring, NonprofitId = id, Kind = DeliveryEventKind.Complaint, Detail = "abuse", Source = "ses", ExternalId = $"timeline-{id}-2", At = start.AddHours(4) },
                new DeliveryEvent { SendId = sent.Id, CampaignId = spring, NonprofitId = id, Kind = DeliveryEventKind.Unsubscribe, Detail = "one click", Source = "unsubscribe link", ExternalId = $"timeline-{id}-3", At = start.AddHours(5) });
            await db.SaveChangesAsync(Cancel);
        }

        var root = RenderWithProviders(builder =>
        {
            builder.OpenComponent<NonprofitPage>(0);
            builder.AddAttribute(1, nameof(NonprofitPage.Id), id);
            builder.CloseComponent();
        });

        root.WaitForAssertion(() => Assert.Equal(7, root.FindAll("[data-testid=nonprofit-history-entry]").Count));
        var entries = root.FindAll("[data-testid=nonprofit-history-entry]");
        Assert.Equal(
            ["failed", "unsubscribed", "complained", "bounced", "clicked", "opened", "sent"],
            entries.Select(e => e.QuerySelector("[data-testid=history-type]")!.TextContent.Trim()));
        Assert.Equal(
            [$"campaigns/{autumn}", .. Enumerable.Repeat($"campaigns/{spring}", 6)],
            entries.Select(e => e.QuerySelector("a")!.GetAttribute("href")));
        Assert.Contains("https://grants.example.org/timeline", entries[4].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erase_asks_for_the_name_typed_out_before_it_erases_and_export_downloads_the_json()
    {
        var id = (await _host.Services.GetRequiredService<NonprofitEditor>().CreateAsync(new NonprofitInput("Erased Trust", "Road", "info@page-erase.org", []), Admin, Cancel)).Value!.Id;
        var root = RenderWithProviders(builder =>
        {
            builder.OpenComponent<NonprofitPage>(0);
            builder.AddAttribute(1, nameof(NonprofitPage.Id), id);
            builder.CloseComponent();
        });
        root.WaitForAssertion(() => root.Find("[data-testid=erase]"));
        var export = root.Find("[data-testid=export-data]");

        root.Find("[data-testid=erase]").Click();
        root.WaitForAssertion(() => Assert.True(root.Find("[data-testid=erase-confirm]").HasAttribute("disabled")));
        root.Find(".mud-dialog input").Input("Erased");
        root.WaitForAssertion(() => Assert.True(root.Find("[data-testid=erase-confirm]").HasAttribute("disabled")));
        root.Find(".mud-dialog input").Input("Erased Trust");
        root.WaitForAssertion(() => Assert.False(root.Find("[data-testid=erase-confirm]").HasAttribute("disabled")));
        root.Find("[data-testid=erase-confirm]").Click();

        root.WaitForAssertion(() => Assert.Contains("Erased Trust was erased", root.Markup));
        Assert.Equal($"api/nonprofits/{id}/data", export.GetAttribute("href"));
        Assert.Equal($"nonprofit-{id}-data.json", export.GetAttribute("download"));
        await using var check = await Database();
        Assert.False(await check.Nonprofits.AnyAsync(n => n.Id == id, Cancel));
        Assert.Equal(1, await check.AuditEntries.CountAsync(a => a.Action == NonprofitAuditActions.Erased && a.Subject == $"nonprofit {id}", Cancel));
    }

    private Task<AppDbContext> Database() => _host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Cancel);
}
