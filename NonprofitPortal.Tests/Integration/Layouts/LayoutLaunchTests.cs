using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Drafts.Api;
using NonprofitPortal.Features.Layouts.Api;
using NonprofitPortal.Tests.Infrastructure;
using NonprofitPortal.Tests.Integration.Nonprofits;

namespace NonprofitPortal.Tests.Integration.Layouts;

/// <summary>What a campaign keeps of its layout: the body in it, inlined, as it was at launch.</summary>
public sealed class LayoutLaunchTests(SqliteHost fixture) : IClassFixture<SqliteHost>
{
    private const string Layout = """
        <html><head><style>.frame p { color: #123456; } .footer { font-size: 12px; }</style></head>
        <body><div class="frame">{{ content }}</div><p class="footer">{{ foundation.name }} · <a href="{{ unsubscribe_url }}">Unsubscribe</a></p></body></html>
        """;

    private PortalHost Host => fixture.Host;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_campaign_goes_out_in_its_layout_as_it_was_at_launch_with_the_styles_inlined_once()
    {
        using var admin = await Host.AdminClientAsync();
        var nonprofit = await new NonprofitApi(admin).CreateAsync("Frozen Layout Trust", "trust@frozen-layout.org");
        var layout = (await (await admin.PostAsJsonAsync("/api/layouts", new LayoutRequest("Newsletter", Layout, false), Cancel)).Content.ReadFromJsonAsync<LayoutResponse>(Cancel))!;
        var draft = await CreateDraftAsync(admin, "Frozen", "<p>Dear {{ nonprofit.name }},</p>", nonprofit.Id, layout.Id, useLayout: true);

        var campaignId = await SendAsync(admin, draft.Id);
        await admin.PutAsJsonAsync($"/api/layouts/{layout.Id}", new LayoutRequest("Newsletter", Layout.Replace("#123456", "#ff0000", StringComparison.Ordinal), false), Cancel);

        await using var db = await Host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Cancel);
        var campaign = await db.Campaigns.SingleAsync(c => c.Id == campaignId, Cancel);
        Assert.Equal((layout.Id, "Newsletter", "<p>Dear {{ nonprofit.name }},</p>"), (campaign.LayoutId, campaign.LayoutName, campaign.ContentTemplate));
        Assert.Contains("<div class=\"frame\"><p style=\"color: #123456\">Dear {{ nonprofit.name }},</p></div>", campaign.BodyTemplate, StringComparison.Ordinal);
        Assert.Contains("<p class=\"footer\" style=\"font-size: 12px\">", campaign.BodyTemplate, StringComparison.Ordinal);

        var message = await SentMessageAsync("trust@frozen-layout.org");
        Assert.Contains("<p style=\"color: #123456\">Dear Frozen Layout Trust,</p>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Dear Frozen Layout Trust,", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Unsubscribe (http", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_sent_in_no_layout_goes_out_as_written()
    {
        using var admin = await Host.AdminClientAsync();
        var nonprofit = await new NonprofitApi(admin).CreateAsync("Bare Body Trust", "trust@bare-body.org");
        var draft = await CreateDraftAsync(admin, "Bare", "<p>Just {{ nonprofit.name }}</p>", nonprofit.Id, null, useLayout: false);

        var campaignId = await SendAsync(admin, draft.Id);

        await using var db = await Host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Cancel);
        var campaign = await db.Campaigns.SingleAsync(c => c.Id == campaignId, Cancel);
        Assert.Equal(("<p>Just {{ nonprofit.name }}</p>", null), (campaign.BodyTemplate, campaign.LayoutName));
    }

    [Fact]
    public async Task A_one_shot_send_through_the_api_goes_out_as_given_unless_it_asks_for_a_layout()
    {
        using var admin = await Host.AdminClientAsync();
        var nonprofit = await new NonprofitApi(admin).CreateAsync("One Shot Trust", "trust@one-shot.org");
        long Launch(HttpResponseMessage response) => response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Cancel).Result.GetProperty("campaignId").GetInt64();

        var asGiven = Launch(await admin.PostAsJsonAsync("/api/campaigns", new { subject = "s", body = "<p>Mine</p>", recipients = new { ids = new[] { nonprofit.Id } } }, Cancel));
        var inDefault = Launch(await admin.PostAsJsonAsync("/api/campaigns", new { subject = "s", body = "<p>Mine</p>", recipients = new { ids = new[] { nonprofit.Id } }, useLayout = true }, Cancel));

        await using var db = await Host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Cancel);
        Assert.Equal("<p>Mine</p>", (await db.Campaigns.SingleAsync(c => c.Id == asGiven, Cancel)).BodyTemplate);
        Assert.Equal(NonprofitPortal.Features.Layouts.DefaultLayout.Name, (await db.Campaigns.SingleAsync(c => c.Id == inDefault, Cancel)).LayoutName);
    }

    [Fact]
    public async Task A_body_with_a_form_is_refused_at_launch_with_its_place()
    {
        using var admin = await Host.AdminClientAsync();
        var nonprofit = await new NonprofitApi(admin).CreateAsync("Form Trust", "trust@form-body.org");
        var draft = await CreateDraftAsync(admin, "Form", "<p>Apply here:</p>\n<form action=\"https://x.org\"><input name=\"a\"></form>", nonprofit.Id, null, useLayout: true);

        var response = await admin.PostAsync($"/api/drafts/{draft.Id}/send", null, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Line 2, column 1: Forms do not work in most mail clients", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_layout_leaves_the_drafts_that_chose_it_on_the_default()
    {
        using var admin = await Host.AdminClientAsync();
        var layout = (await (await admin.PostAsJsonAsync("/api/layouts", new LayoutRequest("Short-lived", Layout, false), Cancel)).Content.ReadFromJsonAsync<LayoutResponse>(Cancel))!;
        var draft = await CreateDraftAsync(admin, "Orphan", "<p>Hi</p>", null, layout.Id, useLayout: true);

        await admin.DeleteAsync($"/api/layouts/{layout.Id}", Cancel);

        var read = await admin.GetFromJsonAsync<DraftResponse>($"/api/drafts/{draft.Id}", Cancel);
        Assert.Equal((null, true), (read!.LayoutId, read.UseLayout));
    }

    private static async Task<DraftResponse> CreateDraftAsync(HttpClient admin, string name, string body, long? nonprofitId, long? layoutId, bool useLayout)
    {
        var response = await admin.PostAsJsonAsync("/api/drafts", new
        {
            name,
            subjectTemplate = $"{name} for {{{{ nonprofit.name }}}}",
            bodyTemplate = body,
            recipients = new { ids = nonprofitId is { } id ? new[] { id } : [] },
            cc = Array.Empty<string>(),
            layoutId,
            useLayout,
        }, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var draft = (await response.Content.ReadFromJsonAsync<DraftResponse>(Cancel))!;
        Assert.Equal((layoutId, useLayout), (draft.LayoutId, draft.UseLayout));
        return draft;
    }

    private static async Task<long> SendAsync(HttpClient admin, long draftId)
    {
        var response = await admin.PostAsync($"/api/drafts/{draftId}/send", null, Cancel);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Cancel)).GetProperty("campaignId").GetInt64();
    }

    private Task<MimeMessage> SentMessageAsync(string to) => Eventually.GetAsync(
        () => Directory.Exists(Host.PickupDirectory)
            ? Directory.GetFiles(Host.PickupDirectory, "*.eml").Select(path => MimeMessage.Load(path)).FirstOrDefault(m => m.To.Mailboxes.Any(a => a.Address == to))
            : null,
        $"the message to {to} in the pickup folder");
}
