using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using NonprofitPortal.Features.Accounts.Api;

namespace NonprofitPortal.Tests.Integration;

/// <summary>Each test starts a host of its own: they are about how the host starts.</summary>
public sealed class StartupTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_first_admin_is_created_from_configuration_and_can_sign_in()
    {
        await using var host = new PortalHost(environment: "Production");

        using var admin = await host.AdminClientAsync();

        var me = (await admin.GetFromJsonAsync<List<UserResponse>>("/api/users", Cancel))!.Single();
        Assert.Equal(PortalHost.AdminEmail, me.Email);
        Assert.Equal(["Admin"], me.Roles);
    }

    [Fact]
    public async Task Outside_development_a_missing_seed_password_stops_startup_naming_the_key()
    {
        await using var host = new PortalHost(new Dictionary<string, string?> { ["Seed:AdminPassword"] = "" }, environment: "Production");

        var error = Assert.ThrowsAny<Exception>(() => host.StartServer());

        Assert.Contains("Seed:AdminPassword", error.ToString());
    }

    [Fact]
    public async Task Outside_development_a_weak_seed_password_stops_startup_saying_why()
    {
        await using var host = new PortalHost(new Dictionary<string, string?> { ["Seed:AdminPassword"] = "password" }, environment: "Production");

        var error = Assert.ThrowsAny<Exception>(() => host.StartServer());

        Assert.Contains("Seed:AdminPassword does not meet the password rules", error.ToString());
    }

    [Fact]
    public async Task In_development_a_missing_seed_starts_without_an_admin()
    {
        await using var host = new PortalHost(new Dictionary<string, string?> { ["Seed:AdminEmail"] = "", ["Seed:AdminPassword"] = "" });
        using var client = host.CreateClient();

        var token = await client.PostAsJsonAsync("/api/auth/token", new TokenRequest(PortalHost.AdminEmail, PortalHost.AdminPassword), Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health", Cancel)).StatusCode);
    }

    [Fact]
    public async Task An_invalid_mail_sender_stops_startup_with_a_clear_message()
    {
        await using var host = new PortalHost(new Dictionary<string, string?> { ["Mail:From"] = "not an address" });

        var error = Assert.ThrowsAny<OptionsValidationException>(() => host.StartServer());

        Assert.Contains("Mail:From", error.Message);
    }

    [Fact]
    public async Task Smtp_transport_without_a_host_stops_startup_with_a_clear_message()
    {
        await using var host = new PortalHost(new Dictionary<string, string?> { ["Mail:Transport"] = "Smtp" });

        var error = Assert.ThrowsAny<OptionsValidationException>(() => host.StartServer());

        Assert.Contains("Mail:Smtp:Host", error.Message);
    }

    [Fact]
    public async Task A_server_database_without_a_connection_string_stops_startup_naming_the_key()
    {
        await using var host = new PortalHost(new Dictionary<string, string?> { ["Database:Provider"] = "PostgreSQL", ["ConnectionStrings:Default"] = "" });

        var error = Assert.ThrowsAny<OptionsValidationException>(() => host.StartServer());

        Assert.Contains("ConnectionStrings:Default is required when Database:Provider is PostgreSQL", error.Message);
    }

    [Fact]
    public async Task The_sqlite_database_runs_in_wal_mode_and_health_answers_200()
    {
        await using var host = new PortalHost();
        using var client = host.CreateClient();

        var health = await client.GetAsync("/health", Cancel);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        await using var connection = new SqliteConnection($"Data Source={host.DatabasePath}");
        await connection.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(Cancel));
    }

    [Fact]
    public async Task Token_requests_beyond_the_rate_limit_get_429_with_retry_after()
    {
        await using var host = new PortalHost(new Dictionary<string, string?> { ["RateLimits:SignInPerMinute"] = "3" });
        using var client = host.CreateClient();
        var attempt = new TokenRequest("nobody@portal.test", "Wrong-Pass-1!");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await client.PostAsJsonAsync("/api/auth/token", attempt, Cancel);
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        Assert.NotNull(last!.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_accounts_endpoints()
    {
        await using var host = new PortalHost();
        using var client = host.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json", Cancel);

        Assert.Contains("/api/auth/token", document);
        Assert.Contains("/api/users/{id}", document);
    }
}
