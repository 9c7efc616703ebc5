using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Nonprofits;
using NonprofitPortal.Features.Nonprofits.DataRequests;
using NonprofitPortal.Tests.Integration.Campaigns;

namespace NonprofitPortal.Tests.Integration.Nonprofits;

/// <summary>Data requests (export, erase) through the API of a real host, after a real campaign into its pickup folder.</summary>
public sealed class NonprofitDataRequestTests : IAsyncDisposable
{
    private const string Email = "Data.Subject@Gdpr.example";
    private readonly PortalHost _host = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Export_holds_everything_erase_keeps_the_counts_without_the_address_and_a_reimport_is_flagged()
    {
        var admin = await _host.AdminClientAsync();
        var nonprofits = new NonprofitApi(admin);
        var campaigns = new CampaignApi(admin);
        var subject = await nonprofits.CreateAsync("Data Subject Trust", Email, "7 Privacy Lane", "gdpr");
        await nonprofits.CreateAsync("Control Trust", "control@gdpr.example", "8 Privacy Lane", "gdpr");
        var launched = await campaigns.LaunchToTagAsync("gdpr");
        var before = await campaigns.WaitUntilFinishedAsync(launched.CampaignId);

        var exported = await admin.GetAsync($"/api/nonprofits/{subject.Id}/data", Cancel);
        var export = JsonDocument.Parse(await exported.Content.ReadAsStringAsync(Cancel)).RootElement;
        var erase = await admin.PostAsync($"/api/nonprofits/{subject.Id}/erase", null, Cancel);
        var erasure = await erase.Content.ReadFromJsonAsync<NonprofitErasure>(Cancel);
        var after = await campaigns.GetAsync(launched.CampaignId);
        var exportAfter = await admin.GetAsync($"/api/nonprofits/{subject.Id}/data", Cancel);
        var eraseAgain = await admin.PostAsync($"/api/nonprofits/{subject.Id}/erase", null, Cancel);

        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        Assert.Equal(Email, export.GetProperty("record").GetProperty("email").GetString());
        Assert.Equal(["gdpr"], export.GetProperty("record").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        var received = Assert.Single(export.GetProperty("campaigns").EnumerateArray());
        Assert.Equal((launched.CampaignId, "sent"), (received.GetProperty("campaignId").GetInt64(), received.GetProperty("status").GetString()));
        Assert.Contains(export.GetProperty("events").EnumerateArray(), e => e.GetProperty("type").GetString() == NonprofitEventTypes.Sent);
        Assert.Contains(export.GetProperty("auditEntries").EnumerateArray(), e => e.GetProperty("action").GetString() == NonprofitAuditActions.Created);

        Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
        Assert.Equal(1, erasure!.MessagesAnonymised);
        Assert.Equal((2, 2, 0), (after.Total, after.Sent, after.Failed));
        Assert.Equal((before.Sent, before.Total), (after.Sent, after.Total));
        Assert.Equal(HttpStatusCode.NotFound, exportAfter.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/nonprofits/{subject.Id}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, eraseAgain.StatusCode);
        await AssertNothingNamesTheAddressAsync(launched.CampaignId);
    }

    [Fact]
    public async Task Editing_an_email_to_an_erased_address_is_refused_unless_it_is_deliberate()
    {
        var admin = await _host.AdminClientAsync();
        var nonprofits = new NonprofitApi(admin);
        var subject = await nonprofits.CreateAsync("Data Subject Trust", Email, "7 Privacy Lane");
        var other = await nonprofits.CreateAsync("Other Trust", "other@gdpr.example", "8 Privacy Lane");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/nonprofits/{subject.Id}/erase", null, Cancel)).StatusCode);

        var refused = await admin.PutAsJsonAsync($"/api/nonprofits/{other.Id}", new { name = "Other Trust", address = "8 Privacy Lane", email = Email.ToLowerInvariant() }, Cancel);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Cancel)).RootElement;
        var unchanged = await admin.GetFromJsonAsync<JsonElement>($"/api/nonprofits/{other.Id}", Cancel);
        var renamedOnly = await admin.PutAsJsonAsync($"/api/nonprofits/{other.Id}", new { name = "Other Trust Ltd", address = "8 Privacy Lane", email = "other@gdpr.example" }, Cancel);
        var deliberate = await admin.PutAsJsonAsync($"/api/nonprofits/{other.Id}", new { name = "Other Trust Ltd", address = "8 Privacy Lane", email = Email, readdErased = true }, Cancel);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.StartsWith("This address was erased on request", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("other@gdpr.example", unchanged.GetProperty("email").GetString());
        Assert.Equal(HttpStatusCode.OK, renamedOnly.StatusCode);
        Assert.Equal(HttpStatusCode.OK, deliberate.StatusCode);
        await using var db = await DatabaseAsync();
        Assert.False(await db.ErasedEmails.AnyAsync(Cancel));
        Assert.Single(await db.AuditEntries.Where(e => e.Action == NonprofitAuditActions.ReaddedAfterErasure).ToListAsync(Cancel));
    }

    [Fact]
    public async Task An_erased_address_reimported_is_reported_as_erased_and_a_create_is_refused_unless_it_is_deliberate()
    {
        var admin = await _host.AdminClientAsync();
        var nonprofits = new NonprofitApi(admin);
        var subject = await nonprofits.CreateAsync("Data Subject Trust", Email, "7 Privacy Lane", "gdpr");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/nonprofits/{subject.Id}/erase", null, Cancel)).StatusCode);

        var (status, report, body) = await nonprofits.ImportAsync($"name,address,email\nNew Trust,1 Road,new@gdpr.example\nAgain Trust,2 Road,  {Email.ToUpperInvariant()} \n");
        var created = await admin.PostAsJsonAsync("/api/nonprofits", new { name = "Again Trust", address = "2 Road", email = Email.ToLowerInvariant() }, Cancel);
        var problem = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Cancel)).RootElement;
        var deliberate = await admin.PostAsJsonAsync("/api/nonprofits", new { name = "Again Trust", address = "2 Road", email = Email, readdErased = true }, Cancel);
        var importedLater = await nonprofits.ImportAsync("name,address,email\nAgain Trust,2 Road,other-row@gdpr.example\n");

        Assert.True(status == HttpStatusCode.OK, body);
        Assert.Equal((1, 0, 0), (report!.Imported, report.Updated, report.Skipped));
        var flagged = Assert.Single(report.Errors);
        Assert.Equal(3, flagged.Line);
        Assert.StartsWith("This address was erased on request on ", flagged.Message, StringComparison.Ordinal);
        Assert.Contains("readdErased", flagged.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, created.StatusCode);
        Assert.StartsWith("This address was erased on request", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, deliberate.StatusCode);
        Assert.Equal(1, importedLater.Report!.Imported);
        await using var db = await DatabaseAsync();
        Assert.False(await db.ErasedEmails.AnyAsync(Cancel));
        Assert.Single(await db.AuditEntries.Where(e => e.Action == NonprofitAuditActions.ReaddedAfterErasure).ToListAsync(Cancel));
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private async Task AssertNothingNamesTheAddressAsync(long campaignId)
    {
        var lower = Email.ToLowerInvariant();
        await using var db = await DatabaseAsync();
        var sends = await db.EmailSends.Where(s => s.CampaignId == campaignId).ToListAsync(Cancel);
        Assert.Equal(2, sends.Count);
        var erased = Assert.Single(sends, s => s.NonprofitId is null);
        Assert.Equal((NonprofitDataRequests.Erased, NonprofitDataRequests.Erased, "", SendStatus.Sent), (erased.Email, erased.Name, erased.Address, erased.Status));
        Assert.DoesNotContain(sends, s => s.Email.Contains(lower, StringComparison.OrdinalIgnoreCase) || (s.ServerReply ?? "").Contains(lower, StringComparison.OrdinalIgnoreCase));
        var audit = await db.AuditEntries.ToListAsync(Cancel);
        Assert.DoesNotContain(audit, e => $"{e.Subject} {e.Details}".Contains(lower, StringComparison.OrdinalIgnoreCase));
        Assert.Single(audit, e => e.Action == NonprofitAuditActions.Erased);
        var hash = Assert.Single(await db.ErasedEmails.ToListAsync(Cancel)).Hash;
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(_host.Services.GetRequiredService<ErasedEmails>().HashOf(lower), hash);
    }

    private Task<AppDbContext> DatabaseAsync() => _host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Cancel);
}
