using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Nonprofits.Api;
using NonprofitPortal.Features.Nonprofits.DataRequests;
using NonprofitPortal.Features.Nonprofits.Import;
using NonprofitPortal.Features.Operations.ApiDocs;

namespace NonprofitPortal.Features.Nonprofits;

public static class NonprofitsEndpoints
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 500;
    private const long MaxImportBytes = 256L * 1024 * 1024;

    public static IEndpointRouteBuilder MapNonprofitsEndpoints(this IEndpointRouteBuilder app)
    {
        var nonprofits = app.MapGroup("/api/nonprofits").WithTags("Nonprofits").RequireAuthorization(Permissions.NonprofitsView);
        nonprofits.MapGet("/", List).WithName("ListNonprofits")
            .WithSummary("Search the nonprofit directory").WithDescription("Filter by text, email domain, tag or suppression; keyset paging: pass `nextCursor` back as `cursor`.");
        nonprofits.MapGet("/export", Export).WithName("ExportNonprofits")
            .WithSummary("Export the directory as CSV");
        nonprofits.MapGet("/{id:long}", Get).WithName("GetNonprofit")
            .WithSummary("Get a nonprofit");
        nonprofits.MapGet("/{id:long}/events", Events).WithName("ListNonprofitEvents")
            .WithSummary("List what happened to a nonprofit's mail").WithDescription("Sent, failed, bounced, complained, opened, clicked and unsubscribed, newest first.");
        nonprofits.MapPost("/{id:long}/unsuppress", Unsuppress).WithName("UnsuppressNonprofit")
            .WithSummary("Allow mail to a suppressed nonprofit again").RequireAuthorization(Permissions.NonprofitsEdit);
        nonprofits.MapGet("/{id:long}/data", ExportData).WithName("ExportNonprofitData")
            .WithSummary("Export everything held about a nonprofit").WithDescription("The record, tags, campaigns received, events and audit entries, as JSON (a data request).").RequireAuthorization(Permissions.NonprofitsEdit);
        nonprofits.MapPost("/{id:long}/erase", Erase).WithName("EraseNonprofit")
            .WithSummary("Erase a nonprofit").WithDescription("The record is deleted, its send history anonymised but kept for counts, and its address kept only as a keyed hash so a later import or create flags it.").RequireAuthorization(Permissions.NonprofitsEdit);
        nonprofits.MapPost("/", Create).WithName("CreateNonprofit").Conflicts("Another nonprofit has that email, or the address was erased on request (send `readdErased: true` to add it again).")
            .WithSummary("Add a nonprofit").RequireAuthorization(Permissions.NonprofitsEdit);
        nonprofits.MapPut("/{id:long}", Update).WithName("UpdateNonprofit").Conflicts("A stale `If-Match` (someone else changed it since), another nonprofit has that email, or the address was erased on request (`readdErased: true`).")
            .WithSummary("Change a nonprofit").RequireAuthorization(Permissions.NonprofitsEdit);
        nonprofits.MapDelete("/{id:long}", Delete).WithName("DeleteNonprofit")
            .WithSummary("Delete a nonprofit").RequireAuthorization(Permissions.NonprofitsEdit);
        nonprofits.MapPost("/import", ImportCsv).WithName("ImportNonprofits")
            .WithSummary("Import nonprofits from CSV").WithDescription("`name,address,email[,tags]`; `existing=skip|update`. Always 200 with every record accounted for (imported, updated, skipped or an error with its line) unless the file cannot be read.").RequireAuthorization(Permissions.NonprofitsEdit)
            .Accepts<string>("text/csv");
        return app;
    }

    private static async Task<Results<Ok<NonprofitPage>, ProblemHttpResult>> List(
        string? search, string? domain, string? tag, bool? suppressed, string? cursor, int? limit, NonprofitDirectory directory, CancellationToken cancellationToken)
    {
        var afterId = 0L;
        if (!string.IsNullOrEmpty(cursor) && (!long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out afterId) || afterId < 0))
        {
            return ProblemResults.Invalid("cursor", "The cursor is not one this API gave out; start again without it.");
        }

        if (limit is < 1 or > MaxLimit)
        {
            return ProblemResults.Invalid("limit", $"The limit is between 1 and {MaxLimit}.");
        }

        var take = limit ?? DefaultLimit;
        var found = await directory.AfterAsync(new DirectoryFilter(search, domain, tag, suppressed), afterId, take + 1, cancellationToken);
        var page = found.Take(take).Select(NonprofitResponse.From).ToList();
        var next = found.Count > take ? page[^1].Id.ToString(CultureInfo.InvariantCulture) : null;
        return TypedResults.Ok(new NonprofitPage(page, next));
    }

    private static async Task<Results<Ok<NonprofitResponse>, ProblemHttpResult>> Get(
        long id, NonprofitDirectory directory, HttpContext http, CancellationToken cancellationToken)
    {
        if (await directory.FindAsync(id, cancellationToken) is not { } nonprofit)
        {
            return ProblemResults.From(OperationResult.NotFound("That nonprofit does not exist."));
        }

        http.Response.Headers.ETag = VersionHeaders.ETag(nonprofit.Version);
        return TypedResults.Ok(NonprofitResponse.From(nonprofit));
    }

    private static async Task<Results<Ok<List<NonprofitEventResponse>>, ProblemHttpResult>> Events(long id, NonprofitHistory history, CancellationToken cancellationToken) =>
        await history.EventsAsync(id, NonprofitHistory.DefaultLimit, cancellationToken) is { } events
            ? TypedResults.Ok(events.Select(NonprofitEventResponse.From).ToList())
            : ProblemResults.From(OperationResult.NotFound("That nonprofit does not exist."));

    private static async Task<Results<Ok<NonprofitResponse>, ProblemHttpResult>> Unsuppress(
        long id, NonprofitSuppression suppression, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken)
    {
        var allowed = await suppression.UnsuppressAsync(id, user, cancellationToken);
        if (allowed.Value is not { } nonprofit)
        {
            return ProblemResults.From(allowed);
        }

        http.Response.Headers.ETag = VersionHeaders.ETag(nonprofit.Version);
        return TypedResults.Ok(NonprofitResponse.From(nonprofit));
    }

    private static async Task<Results<Created<NonprofitResponse>, ProblemHttpResult>> Create(
        NonprofitRequest request, NonprofitEditor editor, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var created = await editor.CreateAsync(request.ToInput(), user, cancellationToken);
        if (!created.Succeeded)
        {
            return ProblemResults.From(created);
        }

        var nonprofit = created.Value!;
        if (request.OptedOut == true)
        {
            nonprofit = (await editor.SetOptedOutAsync(nonprofit.Id, true, user, cancellationToken)).Value!;
        }

        return TypedResults.Created($"/api/nonprofits/{nonprofit.Id}", NonprofitResponse.From(nonprofit));
    }

    private static async Task<Results<Ok<NonprofitResponse>, ProblemHttpResult>> Update(
        long id, NonprofitRequest request, NonprofitEditor editor, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken)
    {
        if (!VersionHeaders.TryReadIfMatch(http.Request, out var expectedVersion))
        {
            return ProblemResults.Invalid("If-Match", "If-Match must be the ETag that GET returned.");
        }

        var updated = await editor.UpdateAsync(id, request.ToInput(), expectedVersion, user, cancellationToken);
        if (updated.Succeeded && request.OptedOut is { } optedOut)
        {
            updated = await editor.SetOptedOutAsync(id, optedOut, user, cancellationToken);
        }

        if (!updated.Succeeded)
        {
            return ProblemResults.From(updated);
        }

        http.Response.Headers.ETag = VersionHeaders.ETag(updated.Value!.Version);
        return TypedResults.Ok(NonprofitResponse.From(updated.Value!));
    }

    private static async Task<Results<Ok<NonprofitDataExport>, ProblemHttpResult>> ExportData(
        long id, NonprofitDataRequests requests, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await requests.ExportAsync(id, user, cancellationToken) is { } export
            ? TypedResults.Ok(export)
            : ProblemResults.From(OperationResult.NotFound("That nonprofit does not exist (any more)."));

    private static async Task<Results<Ok<NonprofitErasure>, ProblemHttpResult>> Erase(
        long id, NonprofitDataRequests requests, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var erased = await requests.EraseAsync(id, user, cancellationToken);
        return erased.Value is { } erasure ? TypedResults.Ok(erasure) : ProblemResults.From(erased);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        long id, NonprofitEditor editor, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var deleted = await editor.DeleteAsync(id, user, cancellationToken);
        return deleted.Succeeded ? TypedResults.NoContent() : ProblemResults.From(deleted);
    }

    private static async Task<Results<Ok<ImportResponse>, ProblemHttpResult>> ImportCsv(
        string? existing, NonprofitImporter importer, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<ExistingNonprofits>(existing ?? nameof(ExistingNonprofits.Skip), ignoreCase: true, out var mode) || int.TryParse(existing, out _))
        {
            return ProblemResults.Invalid("existing", "existing is skip or update.");
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = MaxImportBytes;
        }

        var imported = await importer.ImportAsync(http.Request.Body, mode, user, progress: null, cancellationToken);
        if (!imported.Succeeded)
        {
            return ProblemResults.From(imported);
        }

        var report = imported.Value!;
        return TypedResults.Ok(new ImportResponse(report.Imported, report.Updated, report.Skipped, report.Errors));
    }

    private static async Task Export(string? search, string? domain, string? tag, bool? suppressed, NonprofitCsvExport export, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"nonprofits-{time.GetUtcNow():yyyyMMdd-HHmm}.csv\"";
        await export.WriteAsync(http.Response.Body, new DirectoryFilter(search, domain, tag, suppressed), cancellationToken);
    }

}
