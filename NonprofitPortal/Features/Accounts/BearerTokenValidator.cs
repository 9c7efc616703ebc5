using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace NonprofitPortal.Features.Accounts;

/// <summary>
/// A bearer token lives an hour and cannot be called back, so each request's token is checked
/// against its user as cookies are (Identity's SecurityStampValidator): the user must still
/// exist, not be locked by an admin, and hold the security stamp the token was issued with (locking,
/// a role change and a new password each give a new one). The token then carries the user's
/// current permissions, so a change to a role's permissions reaches tokens too. What is read for a
/// user is kept for <c>Accounts:RevalidationSeconds</c>: most requests read nothing.
/// </summary>
public sealed class BearerTokenValidator(
    IServiceScopeFactory scopeFactory,
    IOptions<AccountsOptions> accountsOptions,
    IOptions<IdentityOptions> identityOptions,
    TimeProvider time)
{
    // One entry per user who has presented a valid token on this node: bounded by the users there are.
    private readonly ConcurrentDictionary<string, (SignedInUser? User, DateTimeOffset CheckedAt)> _checked = new(StringComparer.Ordinal);

    /// <summary>
    /// Authenticates the request's token, or fails it. Done here rather than after the bearer
    /// handler, which has no event once it has read a token: this reads it once, instead of twice.
    /// </summary>
    public async Task ValidateAsync(MessageReceivedContext context)
    {
        var token = context.Token ?? HeaderToken(context.Request);
        if (token is null)
        {
            return;
        }

        var ticket = context.Options.BearerTokenProtector.Unprotect(token);
        if (ticket?.Properties.ExpiresUtc is not { } expiresAt)
        {
            context.Fail("The bearer token cannot be read.");
            return;
        }

        if (time.GetUtcNow() >= expiresAt)
        {
            context.Fail("The bearer token has expired.");
            return;
        }

        var claims = identityOptions.Value.ClaimsIdentity;
        var userId = ticket.Principal.FindFirstValue(claims.UserIdClaimType);
        var stamp = ticket.Principal.FindFirstValue(claims.SecurityStampClaimType);
        var current = userId is null ? null : await CurrentAsync(userId);
        if (current is null || stamp is null || current.Stamp != stamp)
        {
            context.Fail("The token's user was locked, deleted or changed (roles, password) since it was issued: get a new token.");
            return;
        }

        context.Principal = current.Principal.Clone();
        context.Properties = ticket.Properties;
        context.Success();
    }

    /// <summary>The user as stored now, or null when deleted or locked by an admin; read at most once per interval.</summary>
    private async Task<SignedInUser?> CurrentAsync(string userId)
    {
        var now = time.GetUtcNow();
        if (!_checked.TryGetValue(userId, out var known) || now - known.CheckedAt >= accountsOptions.Value.RevalidationInterval)
        {
            known = (await ReadAsync(userId, now), now);
            _checked[userId] = known;
        }

        return known.User;
    }

    private async Task<SignedInUser?> ReadAsync(string userId, DateTimeOffset now)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId);
        // Only an admin's lock counts: a lockout after failed sign-ins would let anyone cut a script off by mistyping its password.
        if (user is null || (user.LockoutEnd is { } end && end - now > AccountLockout.AdministrativeThreshold))
        {
            return null;
        }

        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
        return new SignedInUser(await users.GetSecurityStampAsync(user), principal);
    }

    /// <summary>As the bearer handler reads it.</summary>
    private static string? HeaderToken(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..] : null;
    }

    /// <param name="Principal">The user's claims as they are now.</param>
    private sealed record SignedInUser(string? Stamp, ClaimsPrincipal Principal);
}
