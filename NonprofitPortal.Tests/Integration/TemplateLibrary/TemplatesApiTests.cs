using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Drafts.Api;
using NonprofitPortal.Features.Layouts.Api;
using NonprofitPortal.Features.TemplateLibrary;
using NonprofitPortal.Features.TemplateLibrary.Api;
using NonprofitPortal.Tests.Features.Media;
using NonprofitPortal.Tests.Integration.Media;

namespace NonprofitPortal.Tests.Integration.TemplateLibrary;

/// <summary>Runs on every provider: see the subclasses at the end of the file.</summary>
public abstract class TemplatesApiTests(IPortalHostFixture fixture)
{
    private PortalHost Host => fixture.Host;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_draft_saved_as_a_template_starts_a_new_draft_with_its_subject_body_layout_cc_and_attachments()
    {
        using var admin = await Host.AdminClientAsync();
        var layout = await CreateLayoutAsync(admin, $"Round trip {Guid.NewGuid():N}");
        var media = new MediaApi(admin);
        var guidelines = await media.UploadAsync("round-trip-guidelines.pdf", MediaSamples.Read(MediaSamples.Pdf));
        var logo = await media.UploadAsync("round-trip-logo.png", MediaSamples.Read(MediaSamples.Png));
        var draft = await ReadAsync<DraftResponse>(await admin.PostAsJsonAsync("/api/drafts", new
        {
            name = "Autumn letter",
            subjectTemplate = "Autumn news for {{ nonprofit.name }}",
            bodyTemplate = "<p>Dear {{ nonprofit.name }},</p>\n<p>Autumn is here.</p>",
            layoutId = layout.Id,
            cc = new[] { "officer@foundation.test", "board@foundation.test" },
            attachments = new[] { logo.Id, guidelines.Id },
        }, Cancel));

        var saved = await admin.PostAsJsonAsync("/api/templates", new TemplateRequest(
            $"Autumn {Guid.NewGuid():N}", "The autumn letter", draft.SubjectTemplate, draft.BodyTemplate, draft.LayoutId, draft.UseLayout, draft.Cc, draft.Attachments), Cancel);
        var template = await ReadAsync<TemplateResponse>(saved);
        var fromTemplate = await admin.PostAsJsonAsync("/api/drafts", new { fromTemplateId = template.Id, name = "Autumn letter, again" }, Cancel);
        var copy = await admin.GetFromJsonAsync<DraftResponse>($"/api/drafts/{(await ReadAsync<DraftResponse>(fromTemplate)).Id}", Cancel);

        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Created, fromTemplate.StatusCode);
        Assert.Equal("Autumn letter, again", copy!.Name);
        Assert.Equal(draft.SubjectTemplate, copy.SubjectTemplate);
        Assert.Equal(draft.BodyTemplate, copy.BodyTemplate);
        Assert.Equal((layout.Id, true), (copy.LayoutId, copy.UseLayout));
        Assert.Equal(["officer@foundation.test", "board@foundation.test"], copy.Cc);
        Assert.Equal([logo.Id, guidelines.Id], copy.Attachments);
        Assert.Empty(copy.Recipients.Ids!);
        Assert.Equal(PortalHost.AdminEmail, template.UpdatedBy);
    }

    [Fact]
    public async Task A_template_reads_back_exactly_and_a_draft_from_it_takes_its_name_and_no_layout()
    {
        using var admin = await Host.AdminClientAsync();
        var name = $"No layout {Guid.NewGuid():N}";
        var created = await ReadAsync<TemplateResponse>(await admin.PostAsJsonAsync("/api/templates", new TemplateRequest(
            name, "Plain text look", "Hi {{ nonprofit.name }}", "<p>Plain</p>", UseLayout: false, Cc: ["cc@foundation.test"]), Cancel));

        var read = await admin.GetFromJsonAsync<TemplateResponse>($"/api/templates/{created.Id}", Cancel);
        var draft = await ReadAsync<DraftResponse>(await admin.PostAsJsonAsync("/api/drafts", new { fromTemplateId = created.Id }, Cancel));

        Assert.Equal((name, "Plain text look", "Hi {{ nonprofit.name }}", "<p>Plain</p>", (long?)null, false), (read!.Name, read.Description, read.SubjectTemplate, read.BodyTemplate, read.LayoutId, read.UseLayout));
        Assert.Equal(["cc@foundation.test"], read.Cc);
        Assert.Equal((name, "<p>Plain</p>", false), (draft.Name, draft.BodyTemplate, draft.UseLayout));
    }

    [Fact]
    public async Task Invalid_templates_are_refused_with_an_error_per_field()
    {
        using var admin = await Host.AdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/templates", new TemplateRequest(
            " ", new string('d', TemplateRules.MaxDescriptionLength + 1), "Hello {{ end }}", "<p>{{ if }}</p>", Cc: ["not-an-email"]), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        Assert.Contains("Give the template a name", errors.GetProperty("name")[0].GetString());
        Assert.Contains("at most 1,000 characters", errors.GetProperty("description")[0].GetString());
        Assert.StartsWith("Line 1, column", errors.GetProperty("subjectTemplate")[0].GetString());
        Assert.StartsWith("Line 1, column", errors.GetProperty("bodyTemplate")[0].GetString());
        Assert.Contains("not-an-email", errors.GetProperty("cc")[0].GetString());
    }

    [Fact]
    public async Task A_misspelt_variable_is_refused_although_it_parses()
    {
        using var admin = await Host.AdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/templates", new TemplateRequest($"Misspelt {Guid.NewGuid():N}", null, "Hello", "<p>{{ nonprofit.nmae }}</p>"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("nmae", (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").GetProperty("bodyTemplate")[0].GetString());
    }

    [Fact]
    public async Task A_name_already_taken_in_any_case_is_a_conflict()
    {
        using var admin = await Host.AdminClientAsync();
        var name = $"Taken {Guid.NewGuid():N}";
        await ReadAsync<TemplateResponse>(await admin.PostAsJsonAsync("/api/templates", new TemplateRequest(name, null, "s", "<p>b</p>"), Cancel));

        var again = await admin.PostAsJsonAsync("/api/templates", new TemplateRequest(name.ToUpperInvariant(), null, "s", "<p>b</p>"), Cancel);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("There is already a template called", await again.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task Unknown_templates_are_404_and_a_draft_from_one_is_refused_with_the_field()
    {
        using var admin = await Host.AdminClientAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/templates/987654", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/templates/987654", new TemplateRequest("x", null, "s", "b"), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/api/templates/987654", Cancel)).StatusCode);
        var draft = await admin.PostAsJsonAsync("/api/drafts", new { fromTemplateId = 987654 }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, draft.StatusCode);
        Assert.Contains("There is no template 987654", (await draft.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").GetProperty("fromTemplateId")[0].GetString());
    }

    [Fact]
    public async Task A_template_is_changed_listed_by_search_and_deleted()
    {
        using var admin = await Host.AdminClientAsync();
        var marker = Guid.NewGuid().ToString("N");
        var created = await ReadAsync<TemplateResponse>(await admin.PostAsJsonAsync("/api/templates", new TemplateRequest($"Heron {marker}", "Birds", "s", "<p>b</p>"), Cancel));

        var updated = await admin.PutAsJsonAsync($"/api/templates/{created.Id}", new TemplateRequest($"Egret {marker}", $"Wading birds {marker}", "s2", "<p>b2</p>"), Cancel);
        var read = await admin.GetFromJsonAsync<TemplateResponse>($"/api/templates/{created.Id}", Cancel);
        var found = await admin.GetFromJsonAsync<List<TemplateListItem>>($"/api/templates?search=WADING BIRDS {marker}", Cancel);
        var deleted = await admin.DeleteAsync($"/api/templates/{created.Id}", Cancel);

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(($"Egret {marker}", $"Wading birds {marker}", "s2", "<p>b2</p>"), (read!.Name, read.Description, read.SubjectTemplate, read.BodyTemplate));
        Assert.Equal([created.Id], found!.Select(t => t.Id));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/templates/{created.Id}", Cancel)).StatusCode);
    }

    [Fact]
    public async Task The_starter_templates_ship_with_the_app()
    {
        using var admin = await Host.AdminClientAsync();

        var templates = await admin.GetFromJsonAsync<List<TemplateListItem>>("/api/templates", Cancel);

        Assert.Subset(templates!.Select(t => t.Name).ToHashSet(), new HashSet<string> { "Grant round open", "Reporting reminder", "Event invitation" });
    }

    [Fact]
    public async Task A_viewer_reads_templates_but_cannot_write_them_or_draft_from_them()
    {
        var email = $"viewer.templates.{Guid.NewGuid():N}@portal.test";
        await Host.CreateUserAsync(email, "Viewer-Pass-1!", BuiltInRoles.Viewer);
        using var viewer = await Host.ClientWithTokenAsync(email, "Viewer-Pass-1!");
        var starter = (await viewer.GetFromJsonAsync<List<TemplateListItem>>("/api/templates", Cancel))!.First();

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/templates/{starter.Id}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/templates", new TemplateRequest("No", null, "s", "b"), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PutAsJsonAsync($"/api/templates/{starter.Id}", new TemplateRequest("No", null, "s", "b"), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.DeleteAsync($"/api/templates/{starter.Id}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/drafts", new { fromTemplateId = starter.Id }, Cancel)).StatusCode);
    }

    private static async Task<LayoutResponse> CreateLayoutAsync(HttpClient admin, string name) =>
        await ReadAsync<LayoutResponse>(await admin.PostAsJsonAsync("/api/layouts", new LayoutRequest(name, "<html><body>{{ content }}</body></html>", false), Cancel));

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.Content.ReadFromJsonAsync<T>(Cancel))!;
    }
}

[Collection(SqliteHostCollection.Name)]
public sealed class SqliteTemplatesApiTests(SqliteHost fixture) : TemplatesApiTests(fixture);

[Collection(Postgres.PostgresHostCollection.Name)]
public sealed class PostgresTemplatesApiTests(Postgres.PostgresHost fixture) : TemplatesApiTests(fixture);
