using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Accounts.Api;

namespace NonprofitPortal.Tests.Integration.Accounts;

[Collection(SqliteHostCollection.Name)]
public sealed class AccountsApiTests(SqliteHost fixture)
{
    private readonly PortalHost _host = fixture.Host;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_anonymous_api_request_gets_401_problem_details()
    {
        using var client = _host.CreateClient();

        var response = await client.GetAsync("/api/users", Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_wrong_password_gets_401_and_no_token()
    {
        using var client = _host.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/token", new TokenRequest(PortalHost.AdminEmail, "not-the-password"), Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("token\"", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task A_token_carries_the_users_permissions_and_expires_in_the_future()
    {
        using var client = _host.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/token", new TokenRequest(PortalHost.AdminEmail, PortalHost.AdminPassword), Cancel);
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(token!.Token));
        Assert.True(token.ExpiresAt > DateTimeOffset.UtcNow.AddMinutes(30));
        using var admin = await _host.AdminClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/users", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Creating_a_user_returns_201_with_id_email_roles_and_locked()
    {
        using var admin = await _host.AdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/users", new { email = "new.staff@portal.test", password = "Staff-Pass-1!", roles = new[] { "Staff" } }, Cancel);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        var user = body.RootElement;
        Assert.False(string.IsNullOrEmpty(user.GetProperty("id").GetString()));
        Assert.Equal("new.staff@portal.test", user.GetProperty("email").GetString());
        Assert.Equal(["Staff"], user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.False(user.GetProperty("locked").GetBoolean());
        Assert.Equal($"/api/users/{user.GetProperty("id").GetString()}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_duplicate_email_is_refused_with_409_naming_the_existing_user_whatever_its_case()
    {
        await _host.CreateUserAsync("dup@portal.test", "Staff-Pass-1!", BuiltInRoles.Staff);
        using var admin = await _host.AdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/users", new CreateUserRequest("DUP@Portal.Test", "Staff-Pass-1!", null, ["Staff"]), Cancel);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("dup@portal.test already exists", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task A_weak_password_is_refused_with_400_and_field_errors()
    {
        using var admin = await _host.AdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/users", new CreateUserRequest("weak@portal.test", "short", null, ["Staff"]), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.True(body.RootElement.GetProperty("errors").GetProperty("password").GetArrayLength() > 0);
    }

    [Fact]
    public async Task An_unknown_role_is_refused_with_400()
    {
        using var admin = await _host.AdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/users", new CreateUserRequest("norole@portal.test", "Staff-Pass-1!", null, ["Wizard"]), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Wizard", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task A_viewer_is_refused_the_users_api_with_403()
    {
        await _host.CreateUserAsync("viewer.api@portal.test", "Viewer-Pass-1!", BuiltInRoles.Viewer);
        using var viewer = await _host.ClientWithTokenAsync("viewer.api@portal.test", "Viewer-Pass-1!");

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/api/users", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/users", new CreateUserRequest("x@portal.test", "Staff-Pass-1!", null, []), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/api/roles", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Roles_can_be_changed_and_a_locked_user_gets_no_token()
    {
        var user = await _host.CreateUserAsync("to.lock@portal.test", "Staff-Pass-1!", BuiltInRoles.Staff);
        using var admin = await _host.AdminClientAsync();

        var response = await admin.PutAsJsonAsync($"/api/users/{user.Id}", new UpdateUserRequest(["Viewer"], true, null), Cancel);
        var updated = await response.Content.ReadFromJsonAsync<UserResponse>(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Viewer"], updated!.Roles);
        Assert.True(updated.Locked);
        using var client = _host.CreateClient();
        var token = await client.PostAsJsonAsync("/api/auth/token", new TokenRequest("to.lock@portal.test", "Staff-Pass-1!"), Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, token.StatusCode);
    }

    [Fact]
    public async Task An_admin_cannot_delete_or_lock_their_own_account()
    {
        using var admin = await _host.AdminClientAsync();
        var me = (await admin.GetFromJsonAsync<List<UserResponse>>($"/api/users?search={PortalHost.AdminEmail}", Cancel))!.Single();

        var delete = await admin.DeleteAsync($"/api/users/{me.Id}", Cancel);
        var lockMe = await admin.PutAsJsonAsync($"/api/users/{me.Id}", new UpdateUserRequest(null, true, null), Cancel);

        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        Assert.Contains("your own account", await delete.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.Conflict, lockMe.StatusCode);
    }

    [Fact]
    public async Task A_user_can_be_deleted_and_is_then_gone()
    {
        var user = await _host.CreateUserAsync("to.delete@portal.test", "Staff-Pass-1!", BuiltInRoles.Viewer);
        using var admin = await _host.AdminClientAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/users/{user.Id}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/users/{user.Id}", Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_custom_role_grants_exactly_its_permissions()
    {
        using var admin = await _host.AdminClientAsync();
        var created = await admin.PostAsJsonAsync("/api/roles", new RoleRequest("Auditor", [Permissions.AuditView]), Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await _host.CreateUserAsync("auditor@portal.test", "Auditor-Pass-1!", "Auditor");

        using var auditor = await _host.ClientWithTokenAsync("auditor@portal.test", "Auditor-Pass-1!");

        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/api/audit", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/api/users", Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_role_in_use_or_built_in_cannot_be_deleted_but_an_unused_one_can()
    {
        using var admin = await _host.AdminClientAsync();
        var inUse = (await (await admin.PostAsJsonAsync("/api/roles", new RoleRequest("Grants officer", [Permissions.NonprofitsView]), Cancel))
            .Content.ReadFromJsonAsync<RoleSummary>(Cancel))!;
        var unused = (await (await admin.PostAsJsonAsync("/api/roles", new RoleRequest("Temporary", [Permissions.DraftsView]), Cancel))
            .Content.ReadFromJsonAsync<RoleSummary>(Cancel))!;
        await _host.CreateUserAsync("officer@portal.test", "Officer-Pass-1!", "Grants officer");
        var staff = (await admin.GetFromJsonAsync<List<RoleSummary>>("/api/roles", Cancel))!.Single(r => r.Name == BuiltInRoles.Staff);

        var deleteInUse = await admin.DeleteAsync($"/api/roles/{inUse.Id}", Cancel);
        var deleteBuiltIn = await admin.DeleteAsync($"/api/roles/{staff.Id}", Cancel);
        var deleteUnused = await admin.DeleteAsync($"/api/roles/{unused.Id}", Cancel);

        Assert.Equal(HttpStatusCode.Conflict, deleteInUse.StatusCode);
        Assert.Contains("still given to 1 user", await deleteInUse.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.Conflict, deleteBuiltIn.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleteUnused.StatusCode);
    }

    [Fact]
    public async Task A_duplicate_role_name_is_refused_with_409()
    {
        using var admin = await _host.AdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/roles", new RoleRequest("staff", []), Cancel);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Inviting_a_user_without_a_password_mails_them_a_link_to_choose_one()
    {
        using var admin = await _host.AdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/users", new CreateUserRequest("invited@portal.test", null, "Invited Person", ["Staff"]), Cancel);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var mail = Directory.GetFiles(_host.PickupDirectory, "*.eml")
            .Select(path => MimeKit.MimeMessage.Load(path))
            .Single(message => message.To.Mailboxes.Any(m => m.Address == "invited@portal.test"));
        Assert.Contains("Account/ResetPassword?code=", mail.HtmlBody);
    }

    [Fact]
    public async Task Every_admin_action_is_in_the_audit_log()
    {
        await _host.CreateUserAsync("audited@portal.test", "Staff-Pass-1!", BuiltInRoles.Staff);
        using var admin = await _host.AdminClientAsync();

        var entries = await admin.GetFromJsonAsync<List<AuditEntryResponse>>("/api/audit?search=audited@portal.test", Cancel);

        var created = Assert.Single(entries!, e => e.Action == AuditActions.UserCreated);
        Assert.Equal(PortalHost.AdminEmail, created.ActorName);
    }
}
