using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Operations.ApiDocs;
using NonprofitPortal.Features.TemplateLibrary.Api;

namespace NonprofitPortal.Features.TemplateLibrary;

public static class TemplateLibraryEndpoints
{
    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder app)
    {
        var templates = app.MapGroup("/api/templates").WithTags("Templates").RequireAuthorization(Permissions.DraftsView);
        templates.MapGet("/", List).WithName("ListTemplates")
            .WithSummary("List the template library").WithDescription("Search by name or description.");
        templates.MapGet("/{id:long}", Get).WithName("GetTemplate")
            .WithSummary("Get a template").WithDescription("The `ETag` header is the version to send back in `If-Match` when changing it.");
        templates.MapPost("/", Create).WithName("CreateTemplate").Conflicts("Another template has that name (in any case).")
            .WithSummary("Add a template to the library").WithDescription("The subject and body must render for an example nonprofit; a taken name gives 409.").RequireAuthorization(Permissions.DraftsEdit);
        templates.MapPut("/{id:long}", Update).WithName("UpdateTemplate").Conflicts("A stale `If-Match` (someone else changed the template since), or another template has that name.")
            .WithSummary("Change a template").WithDescription("`If-Match` with the ETag from GET guards against overwriting someone else's change.").RequireAuthorization(Permissions.DraftsEdit);
        templates.MapDelete("/{id:long}", Delete).WithName("DeleteTemplate")
            .WithSummary("Delete a template").WithDescription("Drafts made from it keep their copy.").RequireAuthorization(Permissions.DraftsEdit);
        return app;
    }

    private static async Task<Ok<List<TemplateListItem>>> List(string? search, TemplateLibraryService templates, CancellationToken cancellationToken) =>
        TypedResults.Ok((await templates.ListAsync(search, cancellationToken)).Select(TemplateListItem.From).ToList());

    private static async Task<Results<Ok<TemplateResponse>, ProblemHttpResult>> Get(long id, TemplateLibraryService templates, HttpContext http, CancellationToken cancellationToken)
    {
        if (await templates.FindAsync(id, cancellationToken) is not { } template)
        {
            return ProblemResults.From(OperationResult.NotFound("That template does not exist."));
        }

        http.Response.Headers.ETag = VersionHeaders.ETag(template.Version);
        return TypedResults.Ok(TemplateResponse.From(template));
    }

    private static async Task<Results<Created<TemplateResponse>, ProblemHttpResult>> Create(
        TemplateRequest request, TemplateLibraryService templates, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var created = await templates.CreateAsync(request.ToInput(), user, cancellationToken);
        return created.Value is { } template
            ? TypedResults.Created($"/api/templates/{template.Id}", TemplateResponse.From(template))
            : ProblemResults.From(created);
    }

    private static async Task<Results<Ok<TemplateResponse>, ProblemHttpResult>> Update(
        long id, TemplateRequest request, TemplateLibraryService templates, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken)
    {
        if (!VersionHeaders.TryReadIfMatch(http.Request, out var expectedVersion))
        {
            return ProblemResults.Invalid("If-Match", "If-Match must be the ETag that GET returned.");
        }

        var updated = await templates.UpdateAsync(id, request.ToInput(), expectedVersion, user, cancellationToken);
        if (updated.Value is not { } template)
        {
            return ProblemResults.From(updated);
        }

        http.Response.Headers.ETag = VersionHeaders.ETag(template.Version);
        return TypedResults.Ok(TemplateResponse.From(template));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(long id, TemplateLibraryService templates, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var deleted = await templates.DeleteAsync(id, user, cancellationToken);
        return deleted.Succeeded ? TypedResults.NoContent() : ProblemResults.From(deleted);
    }
}
