using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace NonprofitPortal.Features.Accounts;

/// <summary>
/// Issues bearer tokens for the API. A token is an Identity principal protected by Data
/// Protection, so it carries the user's permissions and is accepted by every node that shares
/// the key ring.
/// </summary>
public sealed class TokenIssuer(
    SignInManager<ApplicationUser> signInManager,
    IOptionsMonitor<BearerTokenOptions> bearerOptions,
    AuditLog auditLog,
    TimeProvider time)
{
    public async Task<TokenResult> IssueAsync(string email, string password, CancellationToken cancellationToken)
    {
        var user = await signInManager.UserManager.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            return new TokenResult(TokenStatus.InvalidCredentials);
        }

        var check = await signInManager.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        var now = time.GetUtcNow();
        if (check.IsLockedOut)
        {
            var until = user.LockoutEnd ?? now;
            if (until - now > AccountLockout.AdministrativeThreshold)
            {
                return new TokenResult(TokenStatus.Disabled);
            }

            await auditLog.RecordAsync(new Actor(user.Id, user.Email!), AuditActions.LockedOut, user.Email, "API token", cancellationToken);
            return new TokenResult(TokenStatus.LockedOut, RetryAfter: until - now);
        }

        if (!check.Succeeded)
        {
            await auditLog.RecordAsync(new Actor(user.Id, user.Email!), AuditActions.SignInFailed, user.Email, "API token", cancellationToken);
            return new TokenResult(TokenStatus.InvalidCredentials);
        }

        var options = bearerOptions.Get(IdentityConstants.BearerScheme);
        var principal = await signInManager.CreateUserPrincipalAsync(user);
        var expiresAt = now + options.BearerTokenExpiration;
        var ticket = new AuthenticationTicket(
            principal,
            new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = expiresAt },
            IdentityConstants.BearerScheme);
        await auditLog.RecordAsync(new Actor(user.Id, user.Email!), AuditActions.TokenIssued, user.Email, null, cancellationToken);
        return new TokenResult(TokenStatus.Issued, options.BearerTokenProtector.Protect(ticket), expiresAt);
    }
}
