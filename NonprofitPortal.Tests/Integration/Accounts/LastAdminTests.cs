using System.Net;
using System.Net.Http.Json;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Accounts.Api;

namespace NonprofitPortal.Tests.Integration.Accounts;

/// <summary>On a host of its own: these tests depend on how many admins exist.</summary>
public sealed class LastAdminTests : IAsyncLifetime
{
    private readonly PortalHost _host = new();
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_last_admin_cannot_lose_the_admin_role_or_be_deleted_until_another_admin_exists()
    {
        var deputy = await _host.CreateUserAsync("deputy@portal.test", "Deputy-Pass-1!", BuiltInRoles.Staff);
        using var admin = await _host.AdminClientAsync();
        var me = (await admin.GetFromJsonAsync<List<UserResponse>>($"/api/users?search={PortalHost.AdminEmail}", Cancel))!.Single();

        var demote = await admin.PutAsJsonAsync($"/api/users/{me.Id}", new UpdateUserRequest(["Staff"], null, null), Cancel);
        Assert.Equal(HttpStatusCode.Conflict, demote.StatusCode);
        Assert.Contains("last administrator", await demote.Content.ReadAsStringAsync(Cancel));

        await admin.PutAsJsonAsync($"/api/users/{deputy.Id}", new UpdateUserRequest(["Admin"], null, null), Cancel);
        using var deputyClient = await _host.ClientWithTokenAsync("deputy@portal.test", "Deputy-Pass-1!");
        var deleteFirst = await deputyClient.DeleteAsync($"/api/users/{me.Id}", Cancel);
        Assert.Equal(HttpStatusCode.NoContent, deleteFirst.StatusCode);

        var users = await deputyClient.GetFromJsonAsync<List<UserResponse>>("/api/users", Cancel);
        var lastAdmin = Assert.Single(users!, u => u.Roles.Contains("Admin"));
        var lockLast = await deputyClient.PutAsJsonAsync($"/api/users/{lastAdmin.Id}", new UpdateUserRequest(["Viewer"], null, null), Cancel);
        Assert.Equal(HttpStatusCode.Conflict, lockLast.StatusCode);
    }
}
