using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Drafts.Api;
using NonprofitPortal.Tests.Integration.Nonprofits;

namespace NonprofitPortal.Tests.Integration.Drafts;

/// <summary>Runs on every provider: see the subclasses at the end of the file.</summary>
public abstract class DraftsApiTests(IPortalHostFixture fixture)
{
    private PortalHost Host => fixture.Host;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_saved_draft_reads_back_exactly_with_its_recipient_count()
    {
        using var admin = await Host.AdminClientAsync();
        var api = new NonprofitApi(admin);
        var picked = await api.CreateAsync("Picked One", "picked@draft-count.org");
        await api.CreateAsync("Tagged One", "tagged1@draft-count.org", tags: "draftcount");
        var optedOut = await api.CreateAsync("Tagged Opted Out", "tagged2@draft-count.org", tags: "draftcount");
        await admin.PutAsJsonAsync($"/api/nonprofits/{optedOut.Id}", new { name = optedOut.Name, address = optedOut.Address, email = optedOut.Email, optedOut = true }, Cancel);
        var body = "<p>Dear {{ nonprofit.name }},</p>\n<p>Line two</p>";

        var created = await admin.PostAsJsonAsync("/api/drafts", new
        {
            name = "Spring letter",
            subjectTemplate = "Hello {{ nonprofit.name }}",
            bodyTemplate = body,
            recipients = new { all = false, ids = new[] { picked.Id }, filter = new { tag = "draftcount" } },
            cc = new[] { "officer@foundation.test", "OFFICER@foundation.test", "board@foundation.test" },
        }, Cancel);
        var id = (await created.Content.ReadFromJsonAsync<DraftResponse>(Cancel))!.Id;
        var read = await admin.GetFromJsonAsync<DraftResponse>($"/api/drafts/{id}", Cancel);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(body, read!.BodyTemplate);
        Assert.Equal("Hello {{ nonprofit.name }}", read.SubjectTemplate);
        Assert.Equal([picked.Id], read.Recipients.Ids);
        Assert.Equal("draftcount", read.Recipients.Filter!.Tag);
        Assert.Equal(["officer@foundation.test", "board@foundation.test"], read.Cc);
        Assert.Equal((2, 1), (read.RecipientCount.Recipients, read.RecipientCount.OptedOut));
        Assert.Equal(PortalHost.AdminEmail, read.CreatedBy);
    }

    [Fact]
    public async Task A_draft_keeps_its_layout_choice_and_a_layout_that_does_not_exist_is_refused()
    {
        using var admin = await Host.AdminClientAsync();
        var shipped = (await admin.GetFromJsonAsync<List<NonprofitPortal.Features.Layouts.Api.LayoutResponse>>("/api/layouts", Cancel))!.Single(l => l.IsDefault);

        var inNone = await admin.PostAsJsonAsync("/api/drafts", new { name = "No layout", bodyTemplate = "<p>x</p>", useLayout = false }, Cancel);
        var inShipped = await admin.PostAsJsonAsync("/api/drafts", new { name = "Chosen layout", bodyTemplate = "<p>x</p>", layoutId = shipped.Id }, Cancel);
        var inMissing = await admin.PostAsJsonAsync("/api/drafts", new { name = "Missing layout", bodyTemplate = "<p>x</p>", layoutId = 987_654 }, Cancel);

        var none = await inNone.Content.ReadFromJsonAsync<DraftResponse>(Cancel);
        var chosen = await admin.GetFromJsonAsync<DraftResponse>($"/api/drafts/{(await inShipped.Content.ReadFromJsonAsync<DraftResponse>(Cancel))!.Id}", Cancel);
        Assert.Equal((null, false), (none!.LayoutId, none.UseLayout));
        Assert.Equal((shipped.Id, true), (chosen!.LayoutId, chosen.UseLayout));
        Assert.Equal(HttpStatusCode.BadRequest, inMissing.StatusCode);
        Assert.Contains("There is no layout 987654", (await inMissing.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").GetProperty("layoutId")[0].GetString());
    }

    [Fact]
    public async Task Invalid_drafts_are_refused_with_an_error_per_field()
    {
        using var admin = await Host.AdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/drafts", new
        {
            name = "",
            subjectTemplate = "x",
            bodyTemplate = new string('x', 300 * 1024),
            cc = Enumerable.Range(0, 11).Select(i => $"cc{i}@foundation.test").Append("not-an-email").ToArray(),
        }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        var errors = json.RootElement.GetProperty("errors");
        Assert.Contains("name", errors.EnumerateObject().Select(p => p.Name));
        Assert.Contains("the limit is 256 KB", errors.GetProperty("bodyTemplate")[0].GetString());
        Assert.Contains(errors.GetProperty("cc").EnumerateArray(), e => e.GetString()!.Contains("At most 10 CC"));
        Assert.Contains(errors.GetProperty("cc").EnumerateArray(), e => e.GetString()!.Contains("not-an-email"));
    }

    [Fact]
    public async Task A_stale_save_is_refused_with_409_and_the_newer_version_survives()
    {
        using var admin = await Host.AdminClientAsync();
        var created = await admin.PostAsJsonAsync("/api/drafts", new DraftRequest("Versioned draft", "s", "b", null, null), Cancel);
        var id = (await created.Content.ReadFromJsonAsync<DraftResponse>(Cancel))!.Id;
        var etag = (await admin.GetAsync($"/api/drafts/{id}", Cancel)).Headers.ETag!.Tag;

        var first = await PutAsync(admin, id, etag, "First save");
        var second = await PutAsync(admin, id, etag, "Second save");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("after you opened it", await second.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("First save", (await admin.GetFromJsonAsync<DraftResponse>($"/api/drafts/{id}", Cancel))!.Name);
    }

    [Fact]
    public async Task Drafts_are_listed_newest_first_and_can_be_deleted()
    {
        using var admin = await Host.AdminClientAsync();
        var older = (await (await admin.PostAsJsonAsync("/api/drafts", new DraftRequest("List older", "s", "b", null, null), Cancel)).Content.ReadFromJsonAsync<DraftResponse>(Cancel))!;
        var newer = (await (await admin.PostAsJsonAsync("/api/drafts", new DraftRequest("List newer", "s", "b", null, null), Cancel)).Content.ReadFromJsonAsync<DraftResponse>(Cancel))!;

        var list = await admin.GetFromJsonAsync<List<DraftListItem>>("/api/drafts", Cancel);
        Assert.True(list!.FindIndex(d => d.Id == newer.Id) < list.FindIndex(d => d.Id == older.Id));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/drafts/{older.Id}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/drafts/{older.Id}", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Sending_a_draft_without_recipients_or_with_a_broken_template_is_refused_with_what_to_fix()
    {
        using var admin = await Host.AdminClientAsync();
        var draft = (await (await admin.PostAsJsonAsync("/api/drafts", new DraftRequest("To send", "Hi {{ nonprofit.nmae }}", "b", null, null), Cancel)).Content.ReadFromJsonAsync<DraftResponse>(Cancel))!;

        var response = await admin.PostAsync($"/api/drafts/{draft.Id}/send", null, Cancel);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Choose who receives it", problem.GetProperty("errors").GetProperty("recipients")[0].GetString());
        Assert.StartsWith("Line 1, column", problem.GetProperty("errors").GetProperty("subjectTemplate")[0].GetString());
    }

    [Fact]
    public async Task A_viewer_reads_drafts_but_cannot_write_them()
    {
        var email = $"viewer.drafts.{Guid.NewGuid():N}@portal.test";
        await Host.CreateUserAsync(email, "Viewer-Pass-1!", BuiltInRoles.Viewer);
        using var viewer = await Host.ClientWithTokenAsync(email, "Viewer-Pass-1!");

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/drafts", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/drafts", new DraftRequest("No", "s", "b", null, null), Cancel)).StatusCode);
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, long id, string etag, string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/drafts/{id}") { Content = JsonContent.Create(new DraftRequest(name, "s", "b", null, null)) };
        request.Headers.IfMatch.ParseAdd(etag);
        return await client.SendAsync(request, Cancel);
    }
}

[Collection(SqliteHostCollection.Name)]
public sealed class SqliteDraftsApiTests(SqliteHost fixture) : DraftsApiTests(fixture);

[Collection(Postgres.PostgresHostCollection.Name)]
public sealed class PostgresDraftsApiTests(Postgres.PostgresHost fixture) : DraftsApiTests(fixture);
