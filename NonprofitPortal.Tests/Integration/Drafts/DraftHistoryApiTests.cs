using System.Net;
using System.Net.Http.Json;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Drafts.Api;

namespace NonprofitPortal.Tests.Integration.Drafts;

/// <summary>Runs on every provider: see the subclasses at the end of the file.</summary>
public abstract class DraftHistoryApiTests(IPortalHostFixture fixture)
{
    private PortalHost Host => fixture.Host;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Saves_keep_a_version_only_when_the_content_changes_and_a_restore_is_a_new_version_with_the_old_content()
    {
        using var admin = await Host.AdminClientAsync();
        var id = await CreateAsync(admin, "History letter", "First subject");

        Assert.Equal(HttpStatusCode.OK, (await PutAsync(admin, id, null, "History letter", "Second subject")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(admin, id, null, "History letter", "Second subject")).StatusCode);
        var afterSaves = await VersionsAsync(admin, id);
        var first = await admin.GetFromJsonAsync<DraftVersionResponse>($"/api/drafts/{id}/versions/1", Cancel);
        var restore = await admin.PostAsync($"/api/drafts/{id}/versions/1/restore", null, Cancel);
        var restored = await restore.Content.ReadFromJsonAsync<DraftResponse>(Cancel);
        var afterRestore = await VersionsAsync(admin, id);

        Assert.Equal([2, 1], afterSaves.Select(v => v.Version));
        Assert.All(afterSaves, v => Assert.Equal(PortalHost.AdminEmail, v.SavedBy));
        Assert.Equal(("created", "saved"), (afterSaves[1].Kind, afterSaves[0].Kind));
        Assert.Equal("First subject", first!.SubjectTemplate);
        Assert.Equal(HttpStatusCode.OK, restore.StatusCode);
        Assert.NotNull(restore.Headers.ETag);
        Assert.Equal("First subject", restored!.SubjectTemplate);
        Assert.Equal("First subject", (await admin.GetFromJsonAsync<DraftResponse>($"/api/drafts/{id}", Cancel))!.SubjectTemplate);
        Assert.Equal([3, 2, 1], afterRestore.Select(v => v.Version));
        Assert.Equal(("restored", 1), (afterRestore[0].Kind, afterRestore[0].RestoredFrom));
        Assert.Equal("Second subject", (await admin.GetFromJsonAsync<DraftVersionResponse>($"/api/drafts/{id}/versions/2", Cancel))!.SubjectTemplate);
    }

    [Fact]
    public async Task Unknown_drafts_and_versions_answer_404_and_a_viewer_reads_history_but_cannot_restore()
    {
        using var admin = await Host.AdminClientAsync();
        var id = await CreateAsync(admin, "History permissions", "s");
        var email = $"viewer.history.{Guid.NewGuid():N}@portal.test";
        await Host.CreateUserAsync(email, "Viewer-Pass-1!", BuiltInRoles.Viewer);
        using var viewer = await Host.ClientWithTokenAsync(email, "Viewer-Pass-1!");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/drafts/987654321/versions", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/drafts/{id}/versions/9", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/drafts/{id}/versions/9/restore", null, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/drafts/{id}/versions", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync($"/api/drafts/{id}/versions/1/restore", null, Cancel)).StatusCode);
    }

    [Fact]
    public async Task Saves_racing_on_the_same_version_give_one_success_and_conflicts_and_the_history_has_no_gap_or_duplicate()
    {
        using var admin = await Host.AdminClientAsync();
        var id = await CreateAsync(admin, "Raced draft", "s");
        var etag = (await admin.GetAsync($"/api/drafts/{id}", Cancel)).Headers.ETag!.Tag;

        var responses = await Task.WhenAll(Enumerable.Range(1, 4).Select(i => PutAsync(admin, id, etag, "Raced draft", $"Racer {i}")));
        var winner = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var saved = (await winner.Content.ReadFromJsonAsync<DraftResponse>(Cancel))!.SubjectTemplate;
        var versions = await VersionsAsync(admin, id);

        Assert.All(responses.Where(r => r != winner), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal([2, 1], versions.Select(v => v.Version));
        Assert.Equal(saved, (await admin.GetFromJsonAsync<DraftVersionResponse>($"/api/drafts/{id}/versions/2", Cancel))!.SubjectTemplate);
    }

    [Fact]
    public async Task A_restore_over_a_stale_etag_is_refused_with_409()
    {
        using var admin = await Host.AdminClientAsync();
        var id = await CreateAsync(admin, "Stale restore", "First");
        var etag = (await admin.GetAsync($"/api/drafts/{id}", Cancel)).Headers.ETag!.Tag;
        await PutAsync(admin, id, null, "Stale restore", "Second");

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/drafts/{id}/versions/1/restore");
        request.Headers.IfMatch.ParseAdd(etag);
        var response = await admin.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal([2, 1], (await VersionsAsync(admin, id)).Select(v => v.Version));
    }

    private static async Task<long> CreateAsync(HttpClient client, string name, string subject)
    {
        var created = await client.PostAsJsonAsync("/api/drafts", new DraftRequest(name, subject, "<p>Body</p>", null, null), Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<DraftResponse>(Cancel))!.Id;
    }

    private static async Task<List<DraftVersionItem>> VersionsAsync(HttpClient client, long id) =>
        (await client.GetFromJsonAsync<List<DraftVersionItem>>($"/api/drafts/{id}/versions", Cancel))!;

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, long id, string? etag, string name, string subject)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/drafts/{id}") { Content = JsonContent.Create(new DraftRequest(name, subject, "<p>Body</p>", null, null)) };
        if (etag is not null)
        {
            request.Headers.IfMatch.ParseAdd(etag);
        }

        return await client.SendAsync(request, Cancel);
    }
}

[Collection(SqliteHostCollection.Name)]
public sealed class SqliteDraftHistoryApiTests(SqliteHost fixture) : DraftHistoryApiTests(fixture);

[Collection(Postgres.PostgresHostCollection.Name)]
public sealed class PostgresDraftHistoryApiTests(Postgres.PostgresHost fixture) : DraftHistoryApiTests(fixture);
