using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NonprofitPortal.Features.Drafts.Api;
using NonprofitPortal.Tests.Integration.Nonprofits;

namespace NonprofitPortal.Tests.Integration.Drafts;

[Collection(SqliteHostCollection.Name)]
public sealed class DraftPreviewApiTests(SqliteHost fixture)
{
    private readonly PortalHost _host = fixture.Host;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_preview_renders_the_draft_for_the_chosen_nonprofit_with_its_values_encoded()
    {
        using var admin = await _host.AdminClientAsync();
        var nonprofit = await new NonprofitApi(admin).CreateAsync("Tom & Jerry <Trust>", "tj@preview-api.org", "1 Cartoon Way");
        var draft = await CreateDraftAsync(admin, "Hi {{ nonprofit.name }}", "<p>Dear {{ nonprofit.name }}</p><p>{{ nonprofit.email }}</p>");

        var response = await admin.PostAsJsonAsync($"/api/drafts/{draft.Id}/preview", new PreviewRequest(nonprofit.Id), Cancel);
        var preview = await response.Content.ReadFromJsonAsync<PreviewResponse>(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hi Tom & Jerry <Trust>", preview!.Subject);
        // In the default layout, whose styles are inlined into the body's paragraphs.
        Assert.Matches("<p style=\"[^\"]+\">Dear Tom &amp; Jerry &lt;Trust&gt;</p>", preview.Html);
        Assert.Contains("Unsubscribe</a>", preview.Html);
        Assert.Contains("Dear Tom & Jerry <Trust>", preview.Text);
    }

    [Fact]
    public async Task A_template_error_gives_400_with_line_and_column()
    {
        using var admin = await _host.AdminClientAsync();
        var draft = await CreateDraftAsync(admin, "Fine", "<p>one</p>\n<p>{{ nonprofit.nmae }}</p>");

        var response = await admin.PostAsJsonAsync($"/api/drafts/{draft.Id}/preview", new PreviewRequest(null), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        var error = json.RootElement.GetProperty("errors")[0];
        Assert.Equal(2, error.GetProperty("line").GetInt32());
        Assert.True(error.GetProperty("column").GetInt32() > 1);
        Assert.Contains("nmae", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Previewing_as_an_unknown_nonprofit_is_404()
    {
        using var admin = await _host.AdminClientAsync();
        var draft = await CreateDraftAsync(admin, "s", "b");

        var response = await admin.PostAsJsonAsync($"/api/drafts/{draft.Id}/preview", new PreviewRequest(987654321), Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<DraftResponse> CreateDraftAsync(HttpClient client, string subject, string body)
    {
        var response = await client.PostAsJsonAsync("/api/drafts", new DraftRequest("Preview test", subject, body, null, null), Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<DraftResponse>(Cancel))!;
    }
}
