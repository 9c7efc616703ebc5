using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using NonprofitPortal.Features.Campaigns.Progress;

namespace NonprofitPortal.Tests.Integration.Operations;

[Collection(SqliteHostCollection.Name)]
public sealed class SecurityTests(SqliteHost fixture)
{
    private readonly PortalHost _host = fixture.Host;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pages_carry_the_security_headers_and_the_import_map_carries_the_policy_nonce()
    {
        using var client = _host.CreateClient();

        var response = await client.GetAsync("/Account/Login", Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = System.Text.RegularExpressions.Regex.Match(policy, "'nonce-([^']+)'").Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\">", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("<script(?![^>]*\\b(src|nonce)=)[^>]*>", html);
    }

    [Fact]
    public async Task Api_answers_and_error_pages_carry_the_security_headers_too()
    {
        using var client = _host.CreateClient();

        var api = await client.GetAsync("/api/nonprofits", Cancel);
        var missing = await client.GetAsync("/no-such-page", Cancel);
        var health = await client.GetAsync("/health/live", Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        AssertSecurityHeaders(api);
        AssertSecurityHeaders(missing);
        AssertSecurityHeaders(health);
    }

    [Fact]
    public async Task Api_writes_beyond_the_limit_get_429_with_retry_after_per_user()
    {
        await using var host = new PortalHost(new Dictionary<string, string?> { ["RateLimits:ApiWritesPerMinute"] = "2" });
        using var admin = await host.AdminClientAsync();
        using var staff = await host.ClientWithTokenAsync((await host.CreateUserAsync("writer@portal.test", "Writer-Pass-1!", "Staff")).Email, "Writer-Pass-1!");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last = await staff.PostAsJsonAsync("/api/nonprofits", new { name = $"Limited {i}", address = "1 Main Street", email = $"limited-{i}@limited.example" }, Cancel);
            statuses.Add(last.StatusCode);
        }

        var reads = await staff.GetAsync("/api/nonprofits", Cancel);
        var otherUser = await admin.PostAsJsonAsync("/api/nonprofits", new { name = "Admin's", address = "2 Main Street", email = "admin@limited.example" }, Cancel);

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
        Assert.NotNull(last!.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, reads.StatusCode);
        Assert.Equal(HttpStatusCode.Created, otherUser.StatusCode);
    }

    [Fact]
    public async Task Outside_development_the_sign_in_cookie_is_secure_http_only_and_same_site()
    {
        await using var host = new PortalHost(environment: "Production");
        using var session = new BrowserlessSession(host);

        var signIn = await session.SignInAsync(PortalHost.AdminEmail, PortalHost.AdminPassword);

        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("; secure", cookie, StringComparison.Ordinal);
        Assert.Contains("; httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("; samesite=lax", cookie, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_redis_connection_string_hubs_stay_on_this_node()
    {
        var lifetime = _host.Services.GetRequiredService<HubLifetimeManager<CampaignsHub>>();

        Assert.IsType<DefaultHubLifetimeManager<CampaignsHub>>(lifetime);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self' 'nonce-", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);
    }
}
