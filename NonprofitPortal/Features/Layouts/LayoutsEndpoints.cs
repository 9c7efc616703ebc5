using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Layouts.Api;
using NonprofitPortal.Features.Operations.ApiDocs;

namespace NonprofitPortal.Features.Layouts;

public static class LayoutsEndpoints
{
    public static IEndpointRouteBuilder MapLayoutsEndpoints(this IEndpointRouteBuilder app)
    {
        // Those who write drafts read layouts, to choose one; admins change them.
        var layouts = app.MapGroup("/api/layouts").WithTags("Layouts").RequireAuthorization(Permissions.DraftsView);
        layouts.MapGet("/", List).WithName("ListLayouts")
            .WithSummary("List email layouts");
        layouts.MapGet("/{id:long}", Get).WithName("GetLayout")
            .WithSummary("Get an email layout");
        layouts.MapPost("/", Create).WithName("CreateLayout")
            .WithSummary("Create an email layout").WithDescription("The HTML must contain `{{ content }}` where the email's body goes.").RequireAuthorization(Permissions.LayoutsManage);
        layouts.MapPut("/{id:long}", Update).WithName("UpdateLayout").Conflicts("A stale `If-Match` (someone else changed the layout since), or the change would leave no default layout.")
            .WithSummary("Change an email layout").RequireAuthorization(Permissions.LayoutsManage);
        layouts.MapDelete("/{id:long}", Delete).WithName("DeleteLayout").Conflicts("It is the default layout: make another one the default first.")
            .WithSummary("Delete an email layout").WithDescription("Campaigns already launched keep their frozen copy.").RequireAuthorization(Permissions.LayoutsManage);
        return app;
    }

    private static async Task<Ok<List<LayoutResponse>>> List(LayoutService layouts, CancellationToken cancellationToken) =>
        TypedResults.Ok((await layouts.ListDetailsAsync(cancellationToken)).Select(LayoutResponse.From).ToList());

    private static async Task<Results<Ok<LayoutResponse>, ProblemHttpResult>> Get(long id, LayoutService layouts, HttpContext http, CancellationToken cancellationToken)
    {
        if (await layouts.FindAsync(id, cancellationToken) is not { } layout)
        {
            return ProblemResults.From(OperationResult.NotFound("That layout does not exist."));
        }

        http.Response.Headers.ETag = VersionHeaders.ETag(layout.Version);
        return TypedResults.Ok(LayoutResponse.From(layout));
    }

    private static async Task<Results<Created<LayoutResponse>, ProblemHttpResult>> Create(
        LayoutRequest request, LayoutService layouts, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var created = await layouts.CreateAsync(request.ToInput(), user, cancellationToken);
        return created.Succeeded
            ? TypedResults.Created($"/api/layouts/{created.Value!.Id}", LayoutResponse.From(created.Value))
            : ProblemResults.From(created);
    }

    private static async Task<Results<Ok<LayoutResponse>, ProblemHttpResult>> Update(
        long id, LayoutRequest request, LayoutService layouts, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken)
    {
        if (!VersionHeaders.TryReadIfMatch(http.Request, out var expectedVersion))
        {
            return ProblemResults.Invalid("If-Match", "If-Match must be the ETag that GET returned.");
        }

        var updated = await layouts.UpdateAsync(id, request.ToInput(), expectedVersion, user, cancellationToken);
        if (!updated.Succeeded)
        {
            return ProblemResults.From(updated);
        }

        http.Response.Headers.ETag = VersionHeaders.ETag(updated.Value!.Version);
        return TypedResults.Ok(LayoutResponse.From(updated.Value));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(long id, LayoutService layouts, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var deleted = await layouts.DeleteAsync(id, user, cancellationToken);
        return deleted.Succeeded ? TypedResults.NoContent() : ProblemResults.From(deleted);
    }
}
