using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using NonprofitPortal.Features.Accounts.Api;
using NonprofitPortal.Features.Operations;
using NonprofitPortal.Features.Operations.ApiDocs;

namespace NonprofitPortal.Features.Accounts;

public static class AccountsEndpoints
{
    public static IEndpointRouteBuilder MapAccountsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/token", IssueToken)
            .WithName("IssueToken")
                .WithSummary("Get a bearer token").WithDescription("Exchange an email and password for a token to send as `Authorization: Bearer <token>`; rate limited per client address.").WithTags("Auth").AllowAnonymous().RequireRateLimiting(RateLimitPolicies.SignIn);

        var users = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Permissions.UsersManage);
        users.MapGet("/", ListUsers).WithName("ListUsers")
            .WithSummary("List users");
        users.MapGet("/{id}", GetUser).WithName("GetUser")
            .WithSummary("Get a user");
        users.MapPost("/", CreateUser).WithName("CreateUser").Conflicts("A user with that email exists.")
            .WithSummary("Create a user").WithDescription("With a password and roles (e.g. `Staff`).");
        users.MapPut("/{id}", UpdateUser).WithName("UpdateUser").Conflicts("The change would leave no (active) administrator, or it locks the caller's own account.")
            .WithSummary("Change a user's roles or lock them out");
        users.MapDelete("/{id}", DeleteUser).WithName("DeleteUser").Conflicts("It is the caller's own account, or the last administrator.")
            .WithSummary("Delete a user");

        var roles = app.MapGroup("/api/roles").WithTags("Roles").RequireAuthorization(Permissions.UsersManage);
        roles.MapGet("/", ListRoles).WithName("ListRoles")
            .WithSummary("List roles and their permissions");
        roles.MapPost("/", CreateRole).WithName("CreateRole").Conflicts("A role with that name exists.")
            .WithSummary("Create a custom role");
        roles.MapPut("/{id}", UpdateRole).WithName("UpdateRole").Conflicts("It is a built-in role, or another role has that name.")
            .WithSummary("Change a role's permissions");
        roles.MapDelete("/{id}", DeleteRole).WithName("DeleteRole").Conflicts("It is a built-in role, or users still hold it.")
            .WithSummary("Delete a custom role");

        app.MapGet("/api/audit", ListAudit).WithName("ListAuditEntries")
            .WithSummary("List the audit log").WithDescription("Who did what, newest first.").WithTags("Audit").RequireAuthorization(Permissions.AuditView);

        app.MapPost("/Account/Logout", SignOut).WithName("SignOut").ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueToken(
        TokenRequest request, TokenIssuer issuer, HttpContext http, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            return ProblemResults.Invalid(string.IsNullOrWhiteSpace(request.Email) ? "email" : "password", "Give both email and password.");
        }

        var result = await issuer.IssueAsync(request.Email, request.Password, cancellationToken);
        switch (result.Status)
        {
            case TokenStatus.Issued:
                return TypedResults.Ok(new TokenResponse(result.Token!, result.ExpiresAt!.Value));
            case TokenStatus.LockedOut:
                var seconds = Math.Max(1, (int)Math.Ceiling(result.RetryAfter!.Value.TotalSeconds));
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return TypedResults.Problem(
                    $"Too many failed attempts: the account is locked for {seconds} seconds.",
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Account temporarily locked.");
            case TokenStatus.Disabled:
                return TypedResults.Problem("An administrator has locked this account.", statusCode: StatusCodes.Status403Forbidden, title: "Account locked.");
            default:
                return TypedResults.Problem("The email or password is wrong.", statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed.");
        }
    }

    private static async Task<Ok<List<UserResponse>>> ListUsers(string? search, UserAdministration users, CancellationToken cancellationToken)
    {
        var page = await users.SearchAsync(search, 0, int.MaxValue, cancellationToken);
        return TypedResults.Ok(page.Items.Select(UserResponse.From).ToList());
    }

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> GetUser(string id, UserAdministration users, CancellationToken cancellationToken) =>
        await users.FindAsync(id, cancellationToken) is { } user
            ? TypedResults.Ok(UserResponse.From(user))
            : ProblemResults.From(OperationResult.NotFound("That user does not exist."));

    private static async Task<Results<Created<UserResponse>, ProblemHttpResult>> CreateUser(
        CreateUserRequest request, UserAdministration users, ClaimsPrincipal principal, HttpContext http, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Email))
        {
            return ProblemResults.Invalid("email", "The email is required.");
        }

        var result = await users.CreateAsync(
            new NewUser(request.Email, request.DisplayName, request.Password, request.Roles ?? []),
            principal,
            RequestBaseUri(http),
            cancellationToken);
        return result.Succeeded
            ? TypedResults.Created($"/api/users/{result.Value!.Id}", UserResponse.From(result.Value))
            : ProblemResults.From(result);
    }

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> UpdateUser(
        string id, UpdateUserRequest request, UserAdministration users, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var result = await users.UpdateAsync(id, new UserChanges(request.Roles, request.Locked, request.DisplayName), principal, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(UserResponse.From(result.Value!)) : ProblemResults.From(result);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteUser(
        string id, UserAdministration users, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var result = await users.DeleteAsync(id, principal, cancellationToken);
        return result.Succeeded ? TypedResults.NoContent() : ProblemResults.From(result);
    }

    private static async Task<Ok<IReadOnlyList<RoleSummary>>> ListRoles(RoleAdministration roles, CancellationToken cancellationToken) =>
        TypedResults.Ok(await roles.ListAsync(cancellationToken));

    private static async Task<Results<Created<RoleSummary>, ProblemHttpResult>> CreateRole(
        RoleRequest request, RoleAdministration roles, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var result = await roles.CreateAsync(request.Name ?? "", request.Permissions ?? [], principal, cancellationToken);
        return result.Succeeded ? TypedResults.Created($"/api/roles/{result.Value!.Id}", result.Value) : ProblemResults.From(result);
    }

    private static async Task<Results<Ok<RoleSummary>, ProblemHttpResult>> UpdateRole(
        string id, RoleRequest request, RoleAdministration roles, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var result = await roles.UpdateAsync(id, request.Name ?? "", request.Permissions ?? [], principal, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(result.Value!) : ProblemResults.From(result);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteRole(
        string id, RoleAdministration roles, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var result = await roles.DeleteAsync(id, principal, cancellationToken);
        return result.Succeeded ? TypedResults.NoContent() : ProblemResults.From(result);
    }

    private static async Task<Ok<List<AuditEntryResponse>>> ListAudit(
        string? search, int? page, int? limit, AuditLog auditLog, CancellationToken cancellationToken)
    {
        var entries = await auditLog.SearchAsync(search, Math.Max(0, page ?? 0), Math.Clamp(limit ?? 100, 1, 1000), cancellationToken);
        return TypedResults.Ok(entries.Items.Select(AuditEntryResponse.From).ToList());
    }

    private static async Task<RedirectHttpResult> SignOut(SignInManager<ApplicationUser> signInManager, [FromForm] string? returnUrl)
    {
        await signInManager.SignOutAsync();
        return TypedResults.LocalRedirect($"~/{returnUrl?.TrimStart('/')}");
    }

    private static Uri RequestBaseUri(HttpContext http) =>
        new($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/");
}
