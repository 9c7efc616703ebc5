using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;

namespace NonprofitPortal.Features.Accounts;

/// <summary>Custom roles composed from permissions; the built-in roles are listed but fixed.</summary>
public sealed class RoleAdministration(
    IServiceScopeFactory scopeFactory,
    IDbContextFactory<AppDbContext> contextFactory,
    AuditLog auditLog)
{
    public const int MaxNameLength = 64;

    public async Task<IReadOnlyList<RoleSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var roles = await db.Roles.AsNoTracking().Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken);
        var permissions = (await db.RoleClaims.AsNoTracking()
                .Where(c => c.ClaimType == Permissions.ClaimType)
                .Select(c => new { c.RoleId, c.ClaimValue })
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.RoleId, c => c.ClaimValue!);
        var userCounts = await db.UserRoles.AsNoTracking()
            .GroupBy(ur => ur.RoleId)
            .Select(g => new { RoleId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.RoleId, g => g.Count, cancellationToken);

        return roles
            .Select(r => new RoleSummary(
                r.Id,
                r.Name!,
                BuiltInRoles.IsBuiltIn(r.Name!),
                permissions[r.Id].OrderBy(p => p, StringComparer.Ordinal).ToList(),
                userCounts.GetValueOrDefault(r.Id)))
            .OrderByDescending(r => r.BuiltIn)
            .ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    public async Task<IReadOnlyList<string>> NamesAsync(CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).Select(r => r.Name).ToList();

    public async Task<OperationResult<RoleSummary>> CreateAsync(string name, IReadOnlyCollection<string> permissions, ClaimsPrincipal actingUser, CancellationToken cancellationToken)
    {
        if (Validate(name, permissions) is { } invalid)
        {
            return OperationResult<RoleSummary>.From(invalid);
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var trimmed = name.Trim();
        if (await roles.RoleExistsAsync(trimmed))
        {
            return OperationResult<RoleSummary>.From(OperationResult.Conflict($"A role named {trimmed} already exists."));
        }

        var role = new IdentityRole(trimmed);
        await roles.CreateAsync(role);
        foreach (var permission in permissions.Distinct())
        {
            await roles.AddClaimAsync(role, new Claim(Permissions.ClaimType, permission));
        }

        await auditLog.RecordAsync(Actor.From(actingUser), AuditActions.RoleCreated, trimmed, PermissionsDetail(permissions), cancellationToken);
        return OperationResult<RoleSummary>.Ok(await FindAsync(role.Id, cancellationToken));
    }

    public async Task<OperationResult<RoleSummary>> UpdateAsync(string id, string name, IReadOnlyCollection<string> permissions, ClaimsPrincipal actingUser, CancellationToken cancellationToken)
    {
        if (Validate(name, permissions) is { } invalid)
        {
            return OperationResult<RoleSummary>.From(invalid);
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var role = await roles.FindByIdAsync(id);
        if (role is null)
        {
            return OperationResult<RoleSummary>.From(OperationResult.NotFound("That role does not exist (any more)."));
        }

        if (BuiltInRoles.IsBuiltIn(role.Name!))
        {
            return OperationResult<RoleSummary>.From(OperationResult.Conflict($"{role.Name} is a built-in role; its name and permissions are fixed. Create a custom role instead."));
        }

        var trimmed = name.Trim();
        if (!string.Equals(role.Name, trimmed, StringComparison.Ordinal))
        {
            if (await roles.FindByNameAsync(trimmed) is { } other && other.Id != role.Id)
            {
                return OperationResult<RoleSummary>.From(OperationResult.Conflict($"A role named {trimmed} already exists."));
            }

            await roles.SetRoleNameAsync(role, trimmed);
            await roles.UpdateAsync(role);
        }

        var current = (await roles.GetClaimsAsync(role)).Where(c => c.Type == Permissions.ClaimType).ToList();
        foreach (var claim in current.Where(c => !permissions.Contains(c.Value)))
        {
            await roles.RemoveClaimAsync(role, claim);
        }

        foreach (var permission in permissions.Distinct().Where(p => current.All(c => c.Value != p)))
        {
            await roles.AddClaimAsync(role, new Claim(Permissions.ClaimType, permission));
        }

        await auditLog.RecordAsync(Actor.From(actingUser), AuditActions.RoleChanged, trimmed, PermissionsDetail(permissions), cancellationToken);
        return OperationResult<RoleSummary>.Ok(await FindAsync(role.Id, cancellationToken));
    }

    public async Task<OperationResult> DeleteAsync(string id, ClaimsPrincipal actingUser, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var role = await roles.FindByIdAsync(id);
        if (role is null)
        {
            return OperationResult.NotFound("That role does not exist (any more).");
        }

        if (BuiltInRoles.IsBuiltIn(role.Name!))
        {
            return OperationResult.Conflict($"{role.Name} is a built-in role and cannot be deleted.");
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var holders = await db.UserRoles.CountAsync(ur => ur.RoleId == id, cancellationToken);
        if (holders > 0)
        {
            return OperationResult.Conflict($"{role.Name} is still given to {holders} user(s); take it away from them first.");
        }

        await roles.DeleteAsync(role);
        await auditLog.RecordAsync(Actor.From(actingUser), AuditActions.RoleDeleted, role.Name, null, cancellationToken);
        return OperationResult.Ok();
    }

    private async Task<RoleSummary> FindAsync(string id, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).Single(r => r.Id == id);

    private static OperationResult? Validate(string name, IReadOnlyCollection<string> permissions)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return OperationResult.Invalid("name", "Give the role a name.");
        }

        if (name.Trim().Length > MaxNameLength)
        {
            return OperationResult.Invalid("name", $"A role name has at most {MaxNameLength} characters.");
        }

        var unknown = permissions.Where(p => !Permissions.IsKnown(p)).ToList();
        return unknown.Count > 0
            ? OperationResult.Invalid("permissions", $"Unknown permission(s): {string.Join(", ", unknown)}.")
            : null;
    }

    private static string PermissionsDetail(IEnumerable<string> permissions) =>
        $"permissions: {string.Join(", ", permissions.DefaultIfEmpty("none"))}";
}
