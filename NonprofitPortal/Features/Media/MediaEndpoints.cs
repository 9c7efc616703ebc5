using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Media.Api;
using NonprofitPortal.Features.Operations.ApiDocs;

namespace NonprofitPortal.Features.Media;

public static class MediaEndpoints
{
    /// <summary>A file's bytes never change under its address, so clients and proxies may keep it for a year.</summary>
    private const string CacheForever = "public, max-age=31536000, immutable";

    public static IEndpointRouteBuilder MapMediaEndpoints(this IEndpointRouteBuilder app)
    {
        var media = app.MapGroup("/api/media").WithTags("Media").RequireAuthorization(Permissions.DraftsView);
        media.MapGet("/", List).WithName("ListMedia")
            .WithSummary("List the media library");
        media.MapGet("/{id:long}", Get).WithName("GetMedia")
            .WithSummary("Get one media file's details");
        // Multipart with no antiforgery token: scripts post with bearer tokens, and the cookie is
        // SameSite=Lax, so another site's form cannot post with it.
        media.MapPost("/", Upload).WithName("UploadMedia")
            .WithSummary("Upload an image or attachment").WithDescription("multipart/form-data with a `file` field; the type is checked from the content (SVG is refused).").RequireAuthorization(Permissions.DraftsEdit).DisableAntiforgery();
        media.MapDelete("/{id:long}", Delete).WithName("DeleteMedia").Conflicts("A campaign already sent shows or attaches the file: it is kept for their messages.")
            .WithSummary("Delete a media file").WithDescription("409 while a sent campaign uses it.").RequireAuthorization(Permissions.DraftsEdit);

        // Recipients' mail clients fetch images without signing in.
        app.MapGet("/media/{id:long}/{name}", Serve).WithName("ServeMedia").AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<Ok<List<MediaResponse>>> List(string? search, MediaService media, CancellationToken cancellationToken) =>
        TypedResults.Ok((await media.SearchAsync(search, cancellationToken)).Select(MediaResponse.From).ToList());

    private static async Task<Results<Ok<MediaResponse>, ProblemHttpResult>> Get(long id, MediaService media, CancellationToken cancellationToken) =>
        await media.FindAsync(id, cancellationToken) is { } file
            ? TypedResults.Ok(MediaResponse.From(file))
            : ProblemResults.From(OperationResult.NotFound("That file does not exist."));

    private static async Task<Results<Created<MediaResponse>, ProblemHttpResult>> Upload(
        HttpRequest request, MediaService media, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return ProblemResults.Invalid("file", "Send the image as multipart/form-data in a field named file.");
        }

        var form = await request.ReadFormAsync(cancellationToken);
        if (form.Files.GetFile("file") is not { } file)
        {
            return ProblemResults.Invalid("file", "Send the image as multipart/form-data in a field named file.");
        }

        await using var content = file.OpenReadStream();
        var uploaded = await media.UploadAsync(file.FileName, content, user, cancellationToken);
        return uploaded.Succeeded
            ? TypedResults.Created($"/api/media/{uploaded.Value!.Id}", MediaResponse.From(uploaded.Value))
            : ProblemResults.From(uploaded);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(long id, MediaService media, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var deleted = await media.DeleteAsync(id, user, cancellationToken);
        return deleted.Succeeded ? TypedResults.NoContent() : ProblemResults.From(deleted);
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> Serve(long id, string name, MediaService media, HttpContext http, CancellationToken cancellationToken)
    {
        if (await media.DownloadAsync(id, name, cancellationToken) is not { } file)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.CacheControl = CacheForever;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        // Documents (attachments) download; only images show in the browser.
        return TypedResults.File(
            file.Content, file.ContentType, MediaRules.IsImage(file.ContentType) ? null : file.Name, lastModified: file.UploadedAt, entityTag: new EntityTagHeaderValue($"\"{id}\""));
    }
}
