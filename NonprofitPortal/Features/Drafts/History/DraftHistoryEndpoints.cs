using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Drafts.Api;
using NonprofitPortal.Features.Operations.ApiDocs;

namespace NonprofitPortal.Features.Drafts.History;

public static class DraftHistoryEndpoints
{
    /// <param name="drafts">The <c>/api/drafts</c> group (drafts.view).</param>
    public static RouteGroupBuilder MapDraftHistoryEndpoints(this RouteGroupBuilder drafts)
    {
        drafts.MapGet("/{id:long}/versions", List).WithName("ListDraftVersions")
            .WithSummary("List a draft's versions").WithDescription("Newest first: who saved each and when, and whether it was an autosave or a restore.");
        drafts.MapGet("/{id:long}/versions/{version:int}", Get).WithName("GetDraftVersion")
            .WithSummary("Get one version of a draft").WithDescription("Its content, in a draft's shape.");
        drafts.MapPost("/{id:long}/versions/{version:int}/restore", Restore).WithName("RestoreDraftVersion").Conflicts("A stale `If-Match`: someone else saved the draft since.")
            .WithSummary("Restore a version of a draft").WithDescription("Saved as a new version; with `If-Match`, a save made meanwhile gives 409.").RequireAuthorization(Permissions.DraftsEdit);
        return drafts;
    }

    private static async Task<Results<Ok<List<DraftVersionItem>>, ProblemHttpResult>> List(long id, DraftHistoryService history, CancellationToken cancellationToken) =>
        await history.ListAsync(id, cancellationToken) is { } versions
            ? TypedResults.Ok(versions.Select(DraftVersionItem.From).ToList())
            : ProblemResults.From(OperationResult.NotFound("That draft does not exist."));

    private static async Task<Results<Ok<DraftVersionResponse>, ProblemHttpResult>> Get(long id, int version, DraftHistoryService history, CancellationToken cancellationToken) =>
        await history.FindAsync(id, version, cancellationToken) is { } found
            ? TypedResults.Ok(DraftVersionResponse.From(found))
            : ProblemResults.From(OperationResult.NotFound($"That draft has no version {version}."));

    /// <remarks>With <c>If-Match</c> (the draft's ETag) a save made meanwhile gives 409.</remarks>
    private static async Task<Results<Ok<DraftResponse>, ProblemHttpResult>> Restore(
        long id, int version, DraftHistoryService history, DraftRecipients recipients, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken)
    {
        if (!VersionHeaders.TryReadIfMatch(http.Request, out var expectedVersion))
        {
            return ProblemResults.Invalid("If-Match", "If-Match must be the ETag that GET returned.");
        }

        var restored = await history.RestoreAsync(id, version, expectedVersion, user, cancellationToken);
        if (!restored.Succeeded)
        {
            return ProblemResults.From(restored);
        }

        http.Response.Headers.ETag = VersionHeaders.ETag(restored.Value!.Version);
        return TypedResults.Ok(DraftResponse.From(restored.Value!, await recipients.CountAsync(restored.Value!.Recipients, cancellationToken)));
    }
}
