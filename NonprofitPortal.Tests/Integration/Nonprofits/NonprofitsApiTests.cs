using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Bounces;
using NonprofitPortal.Features.Nonprofits;
using NonprofitPortal.Features.Nonprofits.Api;

namespace NonprofitPortal.Tests.Integration.Nonprofits;

/// <summary>Runs on every provider: see the subclasses at the end of the file.</summary>
public abstract class NonprofitsApiTests(IPortalHostFixture fixture)
{
    private PortalHost Host => fixture.Host;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_created_nonprofit_serializes_with_the_contract_fields()
    {
        using var admin = await Host.AdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/nonprofits", new { name = "Contract Trust", address = "2 Shape Road", email = "Info@Contract-Trust.org", tags = new[] { "Youth", "education" } }, Cancel);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        var names = json.RootElement.EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Equal(["address", "createdAt", "email", "id", "name", "optedOutAt", "suppressedAt", "suppressionReason", "tags", "updatedAt"], names);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("optedOutAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("suppressedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("suppressionReason").ValueKind);
        Assert.Equal(["education", "youth"], json.RootElement.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal($"/api/nonprofits/{json.RootElement.GetProperty("id").GetInt64()}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Suppressed_nonprofits_are_listed_by_the_filter_and_allowed_again_with_their_history_kept()
    {
        using var admin = await Host.AdminClientAsync();
        var api = new NonprofitApi(admin);
        var gone = await api.CreateAsync("Gone Trust", "info@suppress-test.org");
        var fine = await api.CreateAsync("Fine Trust", "hello@suppress-test.org");
        await Host.Services.GetRequiredService<NonprofitSuppression>().SuppressAsync(gone.Id, SuppressionReasons.HardBounce, Actor.System, "550 5.1.1 User unknown", Cancel);
        await using (var db = await Host.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Cancel))
        {
            db.DeliveryEvents.Add(new DeliveryEvent { NonprofitId = gone.Id, Kind = DeliveryEventKind.HardBounce, Detail = "550 5.1.1 User unknown", Source = "bounces", ExternalId = $"api-test-{gone.Id}", At = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync(Cancel);
        }

        var suppressed = await api.ListAsync("?domain=suppress-test.org&suppressed=true");
        var reachable = await api.ListAsync("?domain=suppress-test.org&suppressed=false");
        using var events = JsonDocument.Parse(await admin.GetStringAsync($"/api/nonprofits/{gone.Id}/events", Cancel));
        var allowed = await admin.PostAsync($"/api/nonprofits/{gone.Id}/unsuppress", null, Cancel);
        var after = await api.ListAsync("?domain=suppress-test.org&suppressed=true");
        var missing = await admin.GetAsync("/api/nonprofits/987654321/events", Cancel);

        var listed = Assert.Single(suppressed.Items);
        Assert.Equal((gone.Id, SuppressionReasons.HardBounce), (listed.Id, listed.SuppressionReason));
        Assert.NotNull(listed.SuppressedAt);
        Assert.Equal([fine.Id], reachable.Items.Select(n => n.Id));
        var entry = Assert.Single(events.RootElement.EnumerateArray());
        Assert.Equal(["at", "campaignId", "detail", "type"], entry.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("bounced", entry.GetProperty("type").GetString());
        Assert.Equal("Hard bounce (bounces): 550 5.1.1 User unknown", entry.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        var allowedBody = (await allowed.Content.ReadFromJsonAsync<NonprofitResponse>(Cancel))!;
        Assert.Equal((null, null), (allowedBody.SuppressedAt, allowedBody.SuppressionReason));
        Assert.Empty(after.Items);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Single(JsonDocument.Parse(await admin.GetStringAsync($"/api/nonprofits/{gone.Id}/events", Cancel)).RootElement.EnumerateArray());
    }

    [Fact]
    public async Task A_viewer_cannot_allow_a_suppressed_nonprofit_again()
    {
        using var admin = await Host.AdminClientAsync();
        var nonprofit = await new NonprofitApi(admin).CreateAsync("Viewer Suppressed", "x@viewer-suppress.org");
        await Host.CreateUserAsync("viewer@suppress-test.org", "Viewer-Pass-1!", BuiltInRoles.Viewer);
        using var viewer = await Host.ClientWithTokenAsync("viewer@suppress-test.org", "Viewer-Pass-1!");

        var response = await viewer.PostAsync($"/api/nonprofits/{nonprofit.Id}/unsuppress", null, Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_duplicate_email_in_any_case_is_refused_with_409_naming_the_existing_nonprofit()
    {
        using var admin = await Host.AdminClientAsync();
        var api = new NonprofitApi(admin);
        await api.CreateAsync("First Holder", "taken@dup-test.org");

        var response = await admin.PostAsJsonAsync("/api/nonprofits", new NonprofitRequest("Second", "Road", "TAKEN@Dup-Test.org", null, null), Cancel);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("First Holder", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task Missing_or_malformed_fields_get_400_with_an_error_per_field()
    {
        using var admin = await Host.AdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/nonprofits", new NonprofitRequest("", " ", "not-an-email", null, null), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        var errors = json.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("address", out _));
        Assert.Contains("not a valid email", errors.GetProperty("email")[0].GetString());
    }

    [Fact]
    public async Task Get_update_and_delete_work_and_an_unknown_id_is_404()
    {
        using var admin = await Host.AdminClientAsync();
        var api = new NonprofitApi(admin);
        var created = await api.CreateAsync("Editable Org", "edit@editable.org");

        var update = await admin.PutAsJsonAsync($"/api/nonprofits/{created.Id}", new NonprofitRequest("Edited Org", "New Road 5", "edit@editable.org", ["arts"], true), Cancel);
        var updated = await update.Content.ReadFromJsonAsync<NonprofitResponse>(Cancel);

        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Equal("Edited Org", updated!.Name);
        Assert.Equal(["arts"], updated.Tags);
        Assert.NotNull(updated.OptedOutAt);
        Assert.True(updated.UpdatedAt >= created.UpdatedAt);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/nonprofits/{created.Id}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/nonprofits/{created.Id}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/nonprofits/{created.Id}", Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_stale_if_match_is_refused_with_409_and_the_newer_change_survives()
    {
        using var admin = await Host.AdminClientAsync();
        var created = await new NonprofitApi(admin).CreateAsync("Versioned Org", "v@versioned.org");
        var read = await admin.GetAsync($"/api/nonprofits/{created.Id}", Cancel);
        var etag = read.Headers.ETag!.Tag;

        using var first = new HttpRequestMessage(HttpMethod.Put, $"/api/nonprofits/{created.Id}") { Content = JsonContent.Create(new NonprofitRequest("First Edit", "Road", "v@versioned.org", null, null)) };
        first.Headers.IfMatch.ParseAdd(etag);
        using var second = new HttpRequestMessage(HttpMethod.Put, $"/api/nonprofits/{created.Id}") { Content = JsonContent.Create(new NonprofitRequest("Second Edit", "Road", "v@versioned.org", null, null)) };
        second.Headers.IfMatch.ParseAdd(etag);

        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(first, Cancel)).StatusCode);
        var stale = await admin.SendAsync(second, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Someone else changed", await stale.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("First Edit", (await admin.GetFromJsonAsync<NonprofitResponse>($"/api/nonprofits/{created.Id}", Cancel))!.Name);
    }

    [Fact]
    public async Task Listing_filters_by_search_domain_and_tag_and_pages_with_a_cursor()
    {
        using var admin = await Host.AdminClientAsync();
        var api = new NonprofitApi(admin);
        await api.CreateAsync("Riverbend Literacy Project", "hello@riverbend-list.org", "12 Mill Lane, Riverbend", "literacy");
        await api.CreateAsync("Riverbend Food Bank", "food@riverbend-list.org", "3 Quay, Riverbend", "food");
        await api.CreateAsync("École Montagne", "contact@montagne-list.fr", "Chemin des Alpes, Riverbend", "literacy");

        Assert.Equal(2, (await api.ListAsync("?domain=riverbend-list.org")).Items.Count);
        Assert.Equal(["Riverbend Literacy Project", "École Montagne"], (await api.ListAsync("?tag=literacy&search=riverbend")).Items.Select(n => n.Name));
        Assert.Equal(["École Montagne"], (await api.ListAsync("?search=ecole")).Items.Select(n => n.Name));
        Assert.Equal(["Riverbend Food Bank"], (await api.ListAsync("?search=food@riverbend")).Items.Select(n => n.Name));

        var first = await api.ListAsync("?search=riverbend&limit=2");
        var second = await api.ListAsync($"?search=riverbend&limit=2&cursor={first.NextCursor}");
        Assert.Equal(2, first.Items.Count);
        Assert.NotNull(first.NextCursor);
        Assert.Single(second.Items);
        Assert.Null(second.NextCursor);
        Assert.Empty(first.Items.Select(n => n.Id).Intersect(second.Items.Select(n => n.Id)));
    }

    [Fact]
    public async Task A_bad_cursor_or_limit_is_refused_with_400()
    {
        using var admin = await Host.AdminClientAsync();

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/nonprofits?cursor=abc", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/nonprofits?limit=0", Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_viewer_can_read_but_not_write_nonprofits()
    {
        await Host.CreateUserAsync("viewer.nonprofits@portal.test", "Viewer-Pass-1!", BuiltInRoles.Viewer);
        using var viewer = await Host.ClientWithTokenAsync("viewer.nonprofits@portal.test", "Viewer-Pass-1!");

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/nonprofits", Cancel)).StatusCode);
        var create = await viewer.PostAsJsonAsync("/api/nonprofits", new NonprofitRequest("X", "Y", "x@viewer-test.org", null, null), Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
    }

    [Fact]
    public async Task Export_writes_the_filtered_nonprofits_as_csv_that_import_reads_back()
    {
        using var admin = await Host.AdminClientAsync();
        var api = new NonprofitApi(admin);
        await api.CreateAsync("Export, Quoted \"Name\"", "one@export-test.org", "Line one\nLine two", "export");
        await api.CreateAsync("Not Exported", "two@other-export.org");

        var csv = await admin.GetStringAsync("/api/nonprofits/export?domain=export-test.org", Cancel);
        await admin.DeleteAsync($"/api/nonprofits/{(await api.ListAsync("?domain=export-test.org")).Items.Single().Id}", Cancel);
        var (status, report, _) = await api.ImportAsync(csv);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, report!.Imported);
        var back = (await api.ListAsync("?domain=export-test.org")).Items.Single();
        Assert.Equal("Export, Quoted \"Name\"", back.Name);
        Assert.Equal("Line one\nLine two", back.Address);
        Assert.Equal(["export"], back.Tags);
    }
}

[Collection(SqliteHostCollection.Name)]
public sealed class SqliteNonprofitsApiTests(SqliteHost fixture) : NonprofitsApiTests(fixture);

[Collection(Postgres.PostgresHostCollection.Name)]
public sealed class PostgresNonprofitsApiTests(Postgres.PostgresHost fixture) : NonprofitsApiTests(fixture);
