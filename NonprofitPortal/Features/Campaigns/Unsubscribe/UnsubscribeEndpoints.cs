using System.Text.Encodings.Web;
using Microsoft.Extensions.Options;
using NonprofitPortal.Features.Operations;

namespace NonprofitPortal.Features.Campaigns.Unsubscribe;

/// <summary>
/// Anonymous, outside /api. GET shows a page with a confirm button and changes nothing (link
/// scanners fetch URLs); POST opts out, both from that button and from mail clients' RFC 8058
/// one-click (<c>List-Unsubscribe=One-Click</c>), which carries no antiforgery token.
/// </summary>
public static class UnsubscribeEndpoints
{
    public static IEndpointRouteBuilder MapUnsubscribeEndpoints(this IEndpointRouteBuilder app)
    {
        var unsubscribe = app.MapGroup("/unsubscribe").AllowAnonymous().ExcludeFromDescription();
        unsubscribe.MapGet("/{token}", Confirm);
        unsubscribe.MapPost("/{token}", Unsubscribe).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> Confirm(string token, Unsubscriber unsubscriber, IOptions<AppOptions> app, CancellationToken cancellationToken)
    {
        var foundation = app.Value.FoundationName;
        if (await unsubscriber.FindAsync(token, cancellationToken) is not { } target)
        {
            return Page(StatusCodes.Status404NotFound, "Link not recognised", $"<p>This unsubscribe link is not valid. If you copied it, check that nothing is missing; otherwise reply to any message from {Html(foundation)}.</p>");
        }

        if (target.AlreadyOptedOut)
        {
            return Page(StatusCodes.Status200OK, "Already unsubscribed", $"<p>{Html(target.Email)} no longer receives messages from {Html(foundation)}.</p>");
        }

        return Page(StatusCodes.Status200OK, "Unsubscribe", $"""
            <p>Stop sending messages from {Html(foundation)} to {Html(target.Email)} ({Html(target.Name)})?</p>
            <form method="post"><button type="submit">Unsubscribe</button></form>
            """);
    }

    private static async Task<IResult> Unsubscribe(string token, Unsubscriber unsubscriber, IOptions<AppOptions> app, CancellationToken cancellationToken)
    {
        var foundation = app.Value.FoundationName;
        if (await unsubscriber.UnsubscribeAsync(token, cancellationToken) is not { } target)
        {
            return Page(StatusCodes.Status404NotFound, "Link not recognised", "<p>This unsubscribe link is not valid.</p>");
        }

        return Page(StatusCodes.Status200OK, "Unsubscribed", $"<p>Done: {Html(target.Email)} will receive no more messages from {Html(foundation)}.</p>");
    }

    private static string Html(string text) => HtmlEncoder.Default.Encode(text);

    private static IResult Page(int status, string title, string body) => Results.Content(
        $$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{Html(title)}}</title>
        <style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5}button{font-size:1rem;padding:.5rem 1.25rem}</style>
        </head><body><h1>{{Html(title)}}</h1>{{body}}</body></html>
        """,
        "text/html; charset=utf-8",
        statusCode: status);
}
