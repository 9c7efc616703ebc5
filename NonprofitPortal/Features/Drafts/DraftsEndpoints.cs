using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Campaigns.Api;
using NonprofitPortal.Features.Drafts.Api;
using NonprofitPortal.Features.Drafts.History;
using NonprofitPortal.Features.Layouts;
using NonprofitPortal.Features.Nonprofits;
using NonprofitPortal.Features.Operations.ApiDocs;
using NonprofitPortal.Features.TemplateLibrary;

namespace NonprofitPortal.Features.Drafts;

public static class DraftsEndpoints
{
    public static IEndpointRouteBuilder MapDraftsEndpoints(this IEndpointRouteBuilder app)
    {
        var drafts = app.MapGroup("/api/drafts").WithTags("Drafts").RequireAuthorization(Permissions.DraftsView);
        drafts.MapGet("/", List).WithName("ListDrafts")
            .WithSummary("List drafts");
        drafts.MapGet("/{id:long}", Get).WithName("GetDraft")
            .WithSummary("Get a draft").WithDescription("The `ETag` header is the version to send back in `If-Match` when changing it.");
        drafts.MapPost("/", Create).WithName("CreateDraft")
            .WithSummary("Create a draft").RequireAuthorization(Permissions.DraftsEdit);
        drafts.MapPut("/{id:long}", Update).WithName("UpdateDraft").Conflicts("A stale `If-Match`: someone else saved the draft since.")
            .WithSummary("Change a draft").WithDescription("Requires `If-Match` with the ETag from GET; 409 when someone else saved in between.").RequireAuthorization(Permissions.DraftsEdit);
        drafts.MapDelete("/{id:long}", Delete).WithName("DeleteDraft")
            .WithSummary("Delete a draft").RequireAuthorization(Permissions.DraftsEdit);
        drafts.MapPost("/{id:long}/preview", Preview).WithName("PreviewDraft")
            .WithSummary("Preview a draft as one nonprofit would receive it").WithDescription("400 lists template errors with their line and column.");
        drafts.MapPost("/{id:long}/send", Send).WithName("SendDraft")
            .WithSummary("Send a draft as a campaign").WithDescription("Freezes the draft into a campaign and queues its recipients. `Idempotency-Key` makes a repeat return the same campaign.").RequireAuthorization(Permissions.CampaignsSend);
        drafts.MapDraftHistoryEndpoints();
        return app;
    }

    private static async Task<Ok<List<DraftListItem>>> List(DraftService drafts, CancellationToken cancellationToken) =>
        TypedResults.Ok((await drafts.ListAsync(cancellationToken)).Select(DraftListItem.From).ToList());

    private static async Task<Results<Ok<DraftResponse>, ProblemHttpResult>> Get(
        long id, DraftService drafts, DraftRecipients recipients, HttpContext http, CancellationToken cancellationToken)
    {
        if (await drafts.FindAsync(id, cancellationToken) is not { } draft)
        {
            return ProblemResults.From(OperationResult.NotFound("That draft does not exist."));
        }

        http.Response.Headers.ETag = VersionHeaders.ETag(draft.Version);
        return TypedResults.Ok(DraftResponse.From(draft, await recipients.CountAsync(draft.Recipients, cancellationToken)));
    }

    private static async Task<Results<Created<DraftResponse>, ProblemHttpResult>> Create(
        DraftRequest request, DraftService drafts, TemplateLibraryService templates, DraftRecipients recipients, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var created = request.FromTemplateId is { } templateId
            ? await templates.NewDraftAsync(templateId, user, cancellationToken, request.Over)
            : await drafts.CreateAsync(request.ToInput(), user, cancellationToken);
        if (!created.Succeeded)
        {
            return ProblemResults.From(created);
        }

        var draft = created.Value!;
        return TypedResults.Created($"/api/drafts/{draft.Id}", DraftResponse.From(draft, await recipients.CountAsync(draft.Recipients, cancellationToken)));
    }

    private static async Task<Results<Ok<DraftResponse>, ProblemHttpResult>> Update(
        long id, DraftRequest request, DraftService drafts, DraftRecipients recipients, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken)
    {
        if (!VersionHeaders.TryReadIfMatch(http.Request, out var expectedVersion))
        {
            return ProblemResults.Invalid("If-Match", "If-Match must be the ETag that GET returned.");
        }

        var updated = await drafts.UpdateAsync(id, request.ToInput(), expectedVersion, user, cancellationToken);
        if (!updated.Succeeded)
        {
            return ProblemResults.From(updated);
        }

        http.Response.Headers.ETag = VersionHeaders.ETag(updated.Value!.Version);
        return TypedResults.Ok(DraftResponse.From(updated.Value!, await recipients.CountAsync(updated.Value!.Recipients, cancellationToken)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(long id, DraftService drafts, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var deleted = await drafts.DeleteAsync(id, user, cancellationToken);
        return deleted.Succeeded ? TypedResults.NoContent() : ProblemResults.From(deleted);
    }

    private static async Task<Results<Ok<PreviewResponse>, ProblemHttpResult>> Preview(
        long id, PreviewRequest request, DraftService drafts, DraftPreviewer previewer, LayoutService layouts, NonprofitDirectory directory, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (await drafts.FindAsync(id, cancellationToken) is not { } draft)
        {
            return ProblemResults.From(OperationResult.NotFound("That draft does not exist."));
        }

        NonprofitSummary? nonprofit = null;
        if (request.NonprofitId is { } nonprofitId && (nonprofit = await directory.FindAsync(nonprofitId, cancellationToken)) is null)
        {
            return ProblemResults.From(OperationResult.NotFound($"There is no nonprofit {nonprofitId} to preview as."));
        }

        var sender = await previewer.SenderAsync(user, cancellationToken);
        var layout = await layouts.ResolveAsync(draft.Layout.LayoutId, draft.Layout.UseLayout, cancellationToken);
        var result = previewer.Preview(draft.SubjectTemplate, draft.BodyTemplate, layout?.Html, nonprofit, sender, cancellationToken);
        if (result.Email is { } email)
        {
            return TypedResults.Ok(new PreviewResponse(email.Subject, email.Html, email.Text));
        }

        return TypedResults.Problem(
            "The templates have errors; each gives its line and column.",
            statusCode: StatusCodes.Status400BadRequest,
            title: "The templates do not render.",
            extensions: new Dictionary<string, object?> { ["errors"] = result.Errors.Select(TemplateErrorResponse.From).ToList() });
    }

    private static async Task<Results<Accepted<LaunchResponse>, ProblemHttpResult>> Send(
        long id, [FromHeader(Name = CampaignsEndpoints.IdempotencyHeader)] string? idempotencyKey, CampaignLauncher launcher, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        CampaignsEndpoints.Accepted(await launcher.LaunchDraftAsync(id, user, idempotencyKey, null, null, cancellationToken));
}
