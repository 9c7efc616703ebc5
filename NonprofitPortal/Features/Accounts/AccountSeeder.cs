using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace NonprofitPortal.Features.Accounts;

/// <summary>
/// Keeps the built-in roles and their permissions in place, and creates the first administrator
/// from configuration when there is none. Outside Development a missing or weak seed password
/// stops start-up: there is never a default password.
/// </summary>
internal sealed class AccountSeeder(
    IServiceScopeFactory scopeFactory,
    IOptions<SeedOptions> seedOptions,
    IHostEnvironment environment,
    AuditLog auditLog,
    TimeProvider time,
    ILogger<AccountSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        foreach (var (roleName, permissions) in BuiltInRoles.PermissionsByRole)
        {
            await EnsureRoleAsync(roles, roleName, permissions);
        }

        if ((await users.GetUsersInRoleAsync(BuiltInRoles.Admin)).Count > 0)
        {
            return;
        }

        await CreateFirstAdminAsync(users, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task CreateFirstAdminAsync(UserManager<ApplicationUser> users, CancellationToken cancellationToken)
    {
        var seed = seedOptions.Value;
        if (string.IsNullOrWhiteSpace(seed.AdminEmail) || string.IsNullOrEmpty(seed.AdminPassword))
        {
            var missing = string.IsNullOrWhiteSpace(seed.AdminEmail) ? "Seed:AdminEmail" : "Seed:AdminPassword";
            var message = $"No administrator exists and {missing} is not set. Set Seed:AdminEmail and Seed:AdminPassword "
                + "(for example the environment variables Seed__AdminEmail and Seed__AdminPassword) to create the first administrator.";
            if (environment.IsDevelopment())
            {
                logger.LogWarning("{Message}", message);
                return;
            }

            throw new InvalidOperationException(message);
        }

        var admin = new ApplicationUser
        {
            UserName = seed.AdminEmail,
            Email = seed.AdminEmail,
            EmailConfirmed = true,
            DisplayName = "Administrator",
            CreatedAt = time.GetUtcNow(),
        };

        var weakness = await PasswordProblemsAsync(users, admin, seed.AdminPassword);
        if (weakness.Count > 0)
        {
            throw new InvalidOperationException(
                $"Seed:AdminPassword does not meet the password rules: {string.Join(" ", weakness)} Choose a stronger Seed:AdminPassword.");
        }

        if (await users.FindByEmailAsync(seed.AdminEmail) is { } existing)
        {
            // The account exists but lost its role: give the role back, keep the password its owner chose.
            admin = existing;
        }
        else
        {
            var created = await users.CreateAsync(admin, seed.AdminPassword);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(
                    $"Could not create the administrator from Seed:AdminEmail: {string.Join(" ", created.Errors.Select(e => e.Description))}");
            }
        }

        await users.AddToRoleAsync(admin, BuiltInRoles.Admin);
        await auditLog.RecordAsync(Actor.System, AuditActions.UserCreated, admin.Email, "first administrator, from Seed:AdminEmail", cancellationToken);
        logger.LogInformation("Made {Email} the first administrator, from configuration", admin.Email);
    }

    private static async Task<List<string>> PasswordProblemsAsync(UserManager<ApplicationUser> users, ApplicationUser user, string password)
    {
        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            problems.AddRange(result.Errors.Select(e => e.Description));
        }

        return problems;
    }

    private static async Task EnsureRoleAsync(RoleManager<IdentityRole> roles, string roleName, IReadOnlyList<string> permissions)
    {
        var role = await roles.FindByNameAsync(roleName);
        if (role is null)
        {
            role = new IdentityRole(roleName);
            await roles.CreateAsync(role);
        }

        var claims = (await roles.GetClaimsAsync(role)).Where(c => c.Type == Permissions.ClaimType).ToList();
        foreach (var stale in claims.Where(c => !permissions.Contains(c.Value)))
        {
            await roles.RemoveClaimAsync(role, stale);
        }

        foreach (var permission in permissions.Where(p => claims.All(c => c.Value != p)))
        {
            await roles.AddClaimAsync(role, new Claim(Permissions.ClaimType, permission));
        }
    }
}
