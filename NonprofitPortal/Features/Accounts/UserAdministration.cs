using System.Net.Mail;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;

namespace NonprofitPortal.Features.Accounts;

/// <summary>
/// The admin's operations on users. Each call opens its own scope so that a long-lived Blazor
/// circuit never keeps an Identity store (and its DbContext) between operations.
/// </summary>
public sealed class UserAdministration(
    IServiceScopeFactory scopeFactory,
    IDbContextFactory<AppDbContext> contextFactory,
    AccountEmails accountEmails,
    AuditLog auditLog,
    TimeProvider time)
{
    public async Task<PagedResult<UserSummary>> SearchAsync(string? search, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            var upper = term.ToUpperInvariant();
            var lower = term.ToLowerInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(upper) || (u.DisplayName != null && u.DisplayName.ToLower().Contains(lower)));
        }

        var total = await query.CountAsync(cancellationToken);
        var users = await query.OrderBy(u => u.NormalizedEmail).Skip(page * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var roles = await RolesOfAsync(db, users.Select(u => u.Id).ToList(), cancellationToken);
        return new PagedResult<UserSummary>(users.Select(u => Summarize(u, roles)).ToList(), total);
    }

    public async Task<UserSummary?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        return user is null ? null : Summarize(user, await RolesOfAsync(db, [id], cancellationToken));
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.CountAsync(cancellationToken);
    }

    public async Task<OperationResult<UserSummary>> CreateAsync(NewUser input, ClaimsPrincipal actingUser, Uri appBaseUri, CancellationToken cancellationToken)
    {
        var email = input.Email.Trim();
        if (!IsEmailAddress(email))
        {
            return OperationResult<UserSummary>.From(OperationResult.Invalid("email", "Enter a valid email address, such as name@example.org."));
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var unknownRoles = await UnknownRolesAsync(scope, input.Roles);
        if (unknownRoles.Count > 0)
        {
            return OperationResult<UserSummary>.From(OperationResult.Invalid("roles", $"There is no role named {string.Join(", ", unknownRoles)}."));
        }

        if (await users.FindByEmailAsync(email) is { } existing)
        {
            return OperationResult<UserSummary>.From(OperationResult.Conflict($"A user with the email {existing.Email} already exists."));
        }

        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(input.DisplayName) ? null : input.DisplayName.Trim(),
            CreatedAt = time.GetUtcNow(),
        };
        var created = input.Password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, input.Password);
        if (!created.Succeeded)
        {
            return OperationResult<UserSummary>.From(FromIdentityErrors(created));
        }

        if (input.Roles.Count > 0)
        {
            await users.AddToRolesAsync(user, input.Roles);
        }

        var actor = Actor.From(actingUser);
        if (input.Password is null)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            await accountEmails.SendInvitationAsync(user, token, appBaseUri, actor.Name, cancellationToken);
            await auditLog.RecordAsync(actor, AuditActions.UserInvited, email, RolesDetail(input.Roles), cancellationToken);
        }
        else
        {
            await auditLog.RecordAsync(actor, AuditActions.UserCreated, email, RolesDetail(input.Roles), cancellationToken);
        }

        return OperationResult<UserSummary>.Ok((await FindAsync(user.Id, cancellationToken))!);
    }

    public async Task<OperationResult<UserSummary>> UpdateAsync(string id, UserChanges changes, ClaimsPrincipal actingUser, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return OperationResult<UserSummary>.From(OperationResult.NotFound("That user does not exist (any more)."));
        }

        var actor = Actor.From(actingUser);
        var currentRoles = await users.GetRolesAsync(user);
        var isAdmin = currentRoles.Contains(BuiltInRoles.Admin, StringComparer.OrdinalIgnoreCase);

        if (changes.Roles is { } wanted)
        {
            var unknownRoles = await UnknownRolesAsync(scope, wanted);
            if (unknownRoles.Count > 0)
            {
                return OperationResult<UserSummary>.From(OperationResult.Invalid("roles", $"There is no role named {string.Join(", ", unknownRoles)}."));
            }

            var keepsAdmin = wanted.Contains(BuiltInRoles.Admin, StringComparer.OrdinalIgnoreCase);
            if (isAdmin && !keepsAdmin && await IsLastActiveAdminAsync(users, user))
            {
                return OperationResult<UserSummary>.From(OperationResult.Conflict($"{user.Email} is the last administrator; make someone else an Admin first."));
            }
        }

        if (changes.Locked == true && !IsLocked(user))
        {
            if (user.Id == actor.Id)
            {
                return OperationResult<UserSummary>.From(OperationResult.Conflict("You cannot lock your own account."));
            }

            if (isAdmin && await IsLastActiveAdminAsync(users, user))
            {
                return OperationResult<UserSummary>.From(OperationResult.Conflict($"{user.Email} is the last active administrator and cannot be locked."));
            }
        }

        if (changes.DisplayName is not null)
        {
            user.DisplayName = string.IsNullOrWhiteSpace(changes.DisplayName) ? null : changes.DisplayName.Trim();
            await users.UpdateAsync(user);
        }

        if (changes.Roles is { } roles)
        {
            var toRemove = currentRoles.Except(roles, StringComparer.OrdinalIgnoreCase).ToList();
            var toAdd = roles.Except(currentRoles, StringComparer.OrdinalIgnoreCase).ToList();
            if (toRemove.Count > 0 || toAdd.Count > 0)
            {
                await users.RemoveFromRolesAsync(user, toRemove);
                await users.AddToRolesAsync(user, toAdd);
                // A new stamp ends the bearer tokens issued with the old roles.
                await users.UpdateSecurityStampAsync(user);
                await auditLog.RecordAsync(actor, AuditActions.UserRolesChanged, user.Email, RolesDetail(roles), cancellationToken);
            }
        }

        if (changes.Locked is { } locked && locked != IsLocked(user))
        {
            if (locked)
            {
                await users.SetLockoutEnabledAsync(user, true);
                await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
                // A new stamp ends the user's existing sessions at their next validation.
                await users.UpdateSecurityStampAsync(user);
                await auditLog.RecordAsync(actor, AuditActions.UserLocked, user.Email, null, cancellationToken);
            }
            else
            {
                await users.SetLockoutEndDateAsync(user, null);
                await users.ResetAccessFailedCountAsync(user);
                await auditLog.RecordAsync(actor, AuditActions.UserUnlocked, user.Email, null, cancellationToken);
            }
        }

        return OperationResult<UserSummary>.Ok((await FindAsync(user.Id, cancellationToken))!);
    }

    public async Task<OperationResult> SetPasswordAsync(string id, string newPassword, ClaimsPrincipal actingUser, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return OperationResult.NotFound("That user does not exist (any more).");
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, newPassword);
        if (!reset.Succeeded)
        {
            return FromIdentityErrors(reset);
        }

        await auditLog.RecordAsync(Actor.From(actingUser), AuditActions.UserPasswordSet, user.Email, null, cancellationToken);
        return OperationResult.Ok();
    }

    public async Task<OperationResult> DeleteAsync(string id, ClaimsPrincipal actingUser, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return OperationResult.NotFound("That user does not exist (any more).");
        }

        var actor = Actor.From(actingUser);
        if (user.Id == actor.Id)
        {
            return OperationResult.Conflict("You cannot delete your own account.");
        }

        if (await users.IsInRoleAsync(user, BuiltInRoles.Admin) && await IsLastActiveAdminAsync(users, user))
        {
            return OperationResult.Conflict($"{user.Email} is the last administrator and cannot be deleted.");
        }

        await users.DeleteAsync(user);
        await auditLog.RecordAsync(actor, AuditActions.UserDeleted, user.Email, null, cancellationToken);
        return OperationResult.Ok();
    }

    internal static OperationResult FromIdentityErrors(IdentityResult result)
    {
        var byField = result.Errors
            .GroupBy(e => e.Code switch
            {
                _ when e.Code.StartsWith("Password", StringComparison.Ordinal) => "password",
                "InvalidEmail" or "DuplicateEmail" or "InvalidUserName" or "DuplicateUserName" => "email",
                _ => "user",
            })
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
        return result.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName")
            ? OperationResult.Conflict(string.Join(" ", byField["email"]))
            : OperationResult.Invalid(byField);
    }

    private bool IsLocked(ApplicationUser user) => user.LockoutEnd is { } end && end > time.GetUtcNow();

    private async Task<bool> IsLastActiveAdminAsync(UserManager<ApplicationUser> users, ApplicationUser user)
    {
        var admins = await users.GetUsersInRoleAsync(BuiltInRoles.Admin);
        return !admins.Any(a => a.Id != user.Id && !IsLocked(a));
    }

    private static async Task<List<string>> UnknownRolesAsync(AsyncServiceScope scope, IEnumerable<string> roles)
    {
        var roleManager = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var unknown = new List<string>();
        foreach (var role in roles)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                unknown.Add(role);
            }
        }

        return unknown;
    }

    private static async Task<ILookup<string, string>> RolesOfAsync(AppDbContext db, List<string> userIds, CancellationToken cancellationToken)
    {
        var pairs = await db.UserRoles
            .Where(ur => userIds.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        return pairs.ToLookup(p => p.UserId, p => p.Name!);
    }

    private UserSummary Summarize(ApplicationUser user, ILookup<string, string> roles) => new(
        user.Id,
        user.Email ?? user.UserName ?? "",
        user.DisplayName,
        roles[user.Id].Order(StringComparer.OrdinalIgnoreCase).ToList(),
        IsLocked(user),
        IsLocked(user) ? user.LockoutEnd : null,
        user.CreatedAt);

    private static string RolesDetail(IEnumerable<string> roles) => $"roles: {string.Join(", ", roles.DefaultIfEmpty("none"))}";

    private static bool IsEmailAddress(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);
}
