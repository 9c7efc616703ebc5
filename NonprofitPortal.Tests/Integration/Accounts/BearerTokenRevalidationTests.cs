using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Accounts.Api;
using NonprofitPortal.Tests.Infrastructure;

namespace NonprofitPortal.Tests.Integration.Accounts;

/// <summary>A host that checks a token's user every 0.2 s instead of every minute, so that tests see the change at once.</summary>
public sealed class RevalidatingHost : IAsyncLifetime
{
    public PortalHost Host { get; } = new(new Dictionary<string, string?> { ["Accounts:RevalidationSeconds"] = "0.2" });

    public ValueTask InitializeAsync()
    {
        Host.StartServer();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}

public sealed class BearerTokenRevalidationTests(RevalidatingHost fixture) : IClassFixture<RevalidatingHost>
{
    private const string Password = "Token-Pass-1!";
    private readonly PortalHost _host = fixture.Host;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_locked_users_token_is_refused_with_401()
    {
        var (user, client) = await SignedInStaffAsync("locked.token@portal.test");
        using var admin = await _host.AdminClientAsync();

        await admin.PutAsJsonAsync($"/api/users/{user.Id}", new UpdateUserRequest(null, true, null), Cancel);

        var refused = await RefusedAsync(client);
        Assert.Contains("Bearer", refused.Headers.WwwAuthenticate.Select(h => h.Scheme));
    }

    [Fact]
    public async Task A_demoted_users_token_is_refused_and_a_new_token_carries_the_new_role()
    {
        var (user, client) = await SignedInStaffAsync("demoted.token@portal.test");
        using var admin = await _host.AdminClientAsync();

        await admin.PutAsJsonAsync($"/api/users/{user.Id}", new UpdateUserRequest([BuiltInRoles.Viewer], null, null), Cancel);

        await RefusedAsync(client);
        using var again = await _host.ClientWithTokenAsync(user.Email, Password);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/nonprofits", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await again.PostAsJsonAsync("/api/nonprofits", new { name = "X", address = "Y", email = "x@demoted-test.org" }, Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_new_password_ends_the_tokens_issued_with_the_old_one()
    {
        var (user, client) = await SignedInStaffAsync("repassworded.token@portal.test");
        var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, PortalHost.AdminEmail)], "test"));

        var reset = await _host.Services.GetRequiredService<UserAdministration>().SetPasswordAsync(user.Id, "Other-Token-Pass-2!", admin, Cancel);

        Assert.True(reset.Succeeded);
        await RefusedAsync(client);
    }

    [Fact]
    public async Task A_deleted_users_token_is_refused()
    {
        var (user, client) = await SignedInStaffAsync("deleted.token@portal.test");
        using var admin = await _host.AdminClientAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/users/{user.Id}", Cancel)).StatusCode);

        await RefusedAsync(client);
    }

    [Fact]
    public async Task A_change_to_a_roles_permissions_reaches_a_token_without_ending_it()
    {
        using var admin = await _host.AdminClientAsync();
        var role = await admin.PostAsJsonAsync("/api/roles", new RoleRequest("Token Listers", [Permissions.NonprofitsView]), Cancel);
        var roleId = (await role.Content.ReadFromJsonAsync<RoleSummary>(Cancel))!.Id;
        await _host.CreateUserAsync("lister.token@portal.test", Password, "Token Listers");
        using var client = await _host.ClientWithTokenAsync("lister.token@portal.test", Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/nonprofits", Cancel)).StatusCode);

        await admin.PutAsJsonAsync($"/api/roles/{roleId}", new RoleRequest("Token Listers", [Permissions.DraftsView]), Cancel);
        await EventuallyAsync(client, "/api/nonprofits", HttpStatusCode.Forbidden);
        await admin.PutAsJsonAsync($"/api/roles/{roleId}", new RoleRequest("Token Listers", [Permissions.NonprofitsView]), Cancel);

        await EventuallyAsync(client, "/api/nonprofits", HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_revalidation_interval_over_a_minute_stops_startup_naming_the_key()
    {
        await using var host = new PortalHost(new Dictionary<string, string?> { ["Accounts:RevalidationSeconds"] = "3600" });

        var error = Assert.ThrowsAny<Exception>(() => host.StartServer());

        Assert.Contains("Accounts:RevalidationSeconds must be between 0.05 and 60", error.ToString());
    }

    private async Task<(UserResponse User, HttpClient Client)> SignedInStaffAsync(string email)
    {
        var user = await _host.CreateUserAsync(email, Password, BuiltInRoles.Staff);
        var client = await _host.ClientWithTokenAsync(email, Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/nonprofits", Cancel)).StatusCode);
        return (user, client);
    }

    private static Task<HttpResponseMessage> RefusedAsync(HttpClient client) => EventuallyAsync(client, "/api/nonprofits", HttpStatusCode.Unauthorized);

    private static Task<HttpResponseMessage> EventuallyAsync(HttpClient client, string path, HttpStatusCode status) =>
        Eventually.GetAsync(
            async () => await client.GetAsync(path, Cancel) is var response && response.StatusCode == status ? response : null,
            $"{path} to answer {(int)status}");
}
