using System.Net;
using System.Net.Http.Json;
using Npgsql;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Accounts.Api;
using NonprofitPortal.Tests.Infrastructure;

namespace NonprofitPortal.Tests.Integration.Postgres;

/// <summary>The same accounts behaviour on a real PostgreSQL server, migrated by the app itself.</summary>
public sealed class PostgresAccountsTests(PostgresServer postgres)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_app_migrates_a_fresh_postgres_database_seeds_the_admin_and_manages_users()
    {
        await using var host = await StartHostAsync();
        using var admin = await host.AdminClientAsync();

        var created = await admin.PostAsJsonAsync("/api/users", new CreateUserRequest("pg.staff@portal.test", "Staff-Pass-1!", null, ["Staff"]), Cancel);
        var duplicate = await admin.PostAsJsonAsync("/api/users", new CreateUserRequest("PG.Staff@Portal.Test", "Staff-Pass-1!", null, ["Staff"]), Cancel);
        var users = await admin.GetFromJsonAsync<List<UserResponse>>("/api/users?search=pg.staff", Cancel);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(["Staff"], Assert.Single(users!).Roles);
    }

    [Fact]
    public async Task Custom_roles_and_the_audit_log_work_on_postgres()
    {
        await using var host = await StartHostAsync();
        using var admin = await host.AdminClientAsync();

        var role = await admin.PostAsJsonAsync("/api/roles", new RoleRequest("Auditor", [Permissions.AuditView]), Cancel);
        await host.CreateUserAsync("pg.auditor@portal.test", "Auditor-Pass-1!", "Auditor");
        using var auditor = await host.ClientWithTokenAsync("pg.auditor@portal.test", "Auditor-Pass-1!");
        var entries = await auditor.GetFromJsonAsync<List<AuditEntryResponse>>("/api/audit?search=PG.AUDITOR", Cancel);

        Assert.Equal(HttpStatusCode.Created, role.StatusCode);
        Assert.Contains(entries!, e => e.Action == AuditActions.UserCreated && e.Subject == "pg.auditor@portal.test");
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/api/users", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Data_protection_keys_are_kept_in_the_postgres_database()
    {
        await using var host = await StartHostAsync();
        using var admin = await host.AdminClientAsync();

        await using var connection = new NpgsqlConnection(host.Settings["ConnectionStrings:Default"]);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand("""SELECT count(*) FROM "DataProtectionKeys" """, connection);

        Assert.True((long)(await command.ExecuteScalarAsync(Cancel))! >= 1);
    }

    private async Task<PortalHost> StartHostAsync()
    {
        RealServer.Require(postgres.IsAvailable, $"PostgreSQL is needed: {postgres.UnavailableReason}");
        var connectionString = await postgres.CreateDatabaseAsync("accounts", Cancel);
        var host = new PortalHost(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSQL",
            ["ConnectionStrings:Default"] = connectionString,
        });
        host.StartServer();
        return host;
    }
}
