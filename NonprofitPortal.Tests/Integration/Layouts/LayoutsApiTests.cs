using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Layouts;
using NonprofitPortal.Features.Layouts.Api;

namespace NonprofitPortal.Tests.Integration.Layouts;

/// <summary>On a host of their own: these tests change which layout is the default.</summary>
public sealed class LayoutsApiTests(SqliteHost fixture) : IClassFixture<SqliteHost>
{
    private const string Minimal = "<html><body><h1>{{ foundation.name }}</h1>{{ content }}<p><a href=\"{{ unsubscribe_url }}\">Unsubscribe</a></p></body></html>";

    private PortalHost Host => fixture.Host;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_installation_has_the_shipped_layout_as_its_default()
    {
        using var admin = await Host.AdminClientAsync();

        var layouts = await admin.GetFromJsonAsync<List<LayoutResponse>>("/api/layouts", Cancel);

        var shipped = Assert.Single(layouts!, l => l.Name == DefaultLayout.Name);
        Assert.True(shipped.IsDefault);
        Assert.Equal(DefaultLayout.Html, shipped.Html);
        Assert.Contains("{{ unsubscribe_url }}", shipped.Html, StringComparison.Ordinal);
        Assert.Contains("{{ foundation.address", shipped.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<html><body><h1>News</h1></body></html>", "Line 1, column 1: Put {{ content }} where the draft's body goes")]
    [InlineData("<html><body>{{ content }}\n<script>track()</script></body></html>", "Line 2, column 1: Scripts do not run in email")]
    [InlineData("<html><body>{{ content }}\n<p>{{ foundation.nmae }}</p></body></html>", "Line 2, column ", "Did you mean `foundation.name`?")]
    public async Task A_layout_that_cannot_carry_a_body_is_refused_with_what_is_wrong_where(string html, string problem, string detail = "")
    {
        using var admin = await Host.AdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/layouts", new LayoutRequest("Broken", html, false), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        var message = errors.GetProperty("html")[0].GetString()!;
        Assert.StartsWith(problem, message, StringComparison.Ordinal);
        Assert.Contains(detail, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task There_is_always_exactly_one_default_layout()
    {
        using var admin = await Host.AdminClientAsync();
        var shipped = (await admin.GetFromJsonAsync<List<LayoutResponse>>("/api/layouts", Cancel))!.Single(l => l.IsDefault);

        var created = await admin.PostAsJsonAsync("/api/layouts", new LayoutRequest("Annual report", Minimal, true), Cancel);
        var report = (await created.Content.ReadFromJsonAsync<LayoutResponse>(Cancel))!;
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal([report.Id], await DefaultsAsync(admin));

        var undefault = await admin.PutAsJsonAsync($"/api/layouts/{report.Id}", new LayoutRequest("Annual report", Minimal, false), Cancel);
        Assert.Equal(HttpStatusCode.Conflict, undefault.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.DeleteAsync($"/api/layouts/{report.Id}", Cancel)).StatusCode);

        var restored = await admin.PutAsJsonAsync($"/api/layouts/{shipped.Id}", new LayoutRequest(shipped.Name, shipped.Html, true), Cancel);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Equal([shipped.Id], await DefaultsAsync(admin));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/layouts/{report.Id}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/layouts/{report.Id}", Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_change_made_meanwhile_is_not_overwritten()
    {
        using var admin = await Host.AdminClientAsync();
        var created = await (await admin.PostAsJsonAsync("/api/layouts", new LayoutRequest("Concurrent", Minimal, false), Cancel)).Content.ReadFromJsonAsync<LayoutResponse>(Cancel);
        var read = await admin.GetAsync($"/api/layouts/{created!.Id}", Cancel);
        var etag = read.Headers.ETag!.Tag;
        await admin.PutAsJsonAsync($"/api/layouts/{created.Id}", new LayoutRequest("Concurrent, first", Minimal, false), Cancel);

        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/layouts/{created.Id}") { Content = JsonContent.Create(new LayoutRequest("Concurrent, second", Minimal, false)) };
        stale.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
        var response = await admin.SendAsync(stale, Cancel);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Staff_read_the_layouts_to_choose_one_and_only_admins_change_them()
    {
        await Host.CreateUserAsync("staff@layouts.test", "Staff-Layouts-1!", BuiltInRoles.Staff);
        using var staff = await Host.ClientWithTokenAsync("staff@layouts.test", "Staff-Layouts-1!");

        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/layouts", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/api/layouts", new LayoutRequest("Mine", Minimal, false), Cancel)).StatusCode);
        Assert.DoesNotContain(Permissions.LayoutsManage, BuiltInRoles.PermissionsByRole[BuiltInRoles.Staff]);
    }

    private static async Task<List<long>> DefaultsAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<List<LayoutResponse>>("/api/layouts", Cancel))!.Where(l => l.IsDefault).Select(l => l.Id).ToList();
}
