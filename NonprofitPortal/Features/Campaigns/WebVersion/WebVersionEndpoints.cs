using System.Text.Encodings.Web;

namespace NonprofitPortal.Features.Campaigns.WebVersion;

/// <summary>Anonymous, outside /api: the recipient follows the link from the message, signed in nowhere.</summary>
public static class WebVersionEndpoints
{
    public static IEndpointRouteBuilder MapWebVersionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet($"/{WebVersionLinks.Prefix}/{{token}}", Show).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Show(string token, WebVersions webVersions, HttpContext http, CancellationToken cancellationToken)
    {
        // Addressed to one recipient: not for shared caches, nor for search engines.
        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.Headers["X-Robots-Tag"] = "noindex";
        return await webVersions.RenderAsync(token, cancellationToken) is { } html
            ? Results.Content(html, "text/html; charset=utf-8")
            : Results.Content(
                $"""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Link not recognised</title>
                <style>body{"{"}font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5{"}"}</style></head>
                <body><h1>Link not recognised</h1><p>{HtmlEncoder.Default.Encode(token == "preview" ? "This is a preview's link: in the messages sent, it opens each recipient's message." : "This link does not open a message. If you copied it, check that nothing is missing.")}</p></body></html>
                """,
                "text/html; charset=utf-8",
                statusCode: StatusCodes.Status404NotFound);
    }
}
