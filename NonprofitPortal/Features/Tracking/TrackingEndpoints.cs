using NonprofitPortal.Features.Campaigns.Tokens;

namespace NonprofitPortal.Features.Tracking;

/// <summary>
/// Anonymous, outside /api, answered at once: the hit is queued for <see cref="TrackingHitWriter"/>.
/// A token that is not ours (forged, altered, or of another purpose) gets 404 and records nothing.
/// </summary>
public static class TrackingEndpoints
{
    // A transparent 1×1 GIF.
    private static readonly byte[] Pixel = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    public static IEndpointRouteBuilder MapTrackingLinks(this IEndpointRouteBuilder app)
    {
        var tracking = app.MapGroup("/t").AllowAnonymous().ExcludeFromDescription();
        tracking.MapGet("/o/{token}", Open);
        tracking.MapGet("/c/{token}", ClickAsync);
        return app;
    }

    private static IResult Open(string token, SendTokens tokens, TrackingHits hits, TimeProvider time, HttpContext http)
    {
        if (!tokens.TryRead(SendTokenPurpose.Tracking, token, out var sendId))
        {
            return Results.NotFound();
        }

        hits.Add(new TrackingHit(sendId, TrackingEventKind.Opened, null, time.GetUtcNow()));
        NotCached(http);
        return Results.File(Pixel, "image/gif");
    }

    private static async Task<IResult> ClickAsync(
        string token, SendTokens tokens, TrackedLinkTargets targets, TrackingHits hits, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        if (!tokens.TryReadLink(token, out var sendId, out var linkIndex) || await targets.FindAsync(sendId, linkIndex, cancellationToken) is not { } target)
        {
            return Results.NotFound();
        }

        hits.Add(new TrackingHit(sendId, TrackingEventKind.Clicked, linkIndex, time.GetUtcNow()));
        NotCached(http);
        return Results.Redirect(target.AbsoluteUri);
    }

    /// <summary>Each open and click reaches the portal, not a cache; the address names one recipient.</summary>
    private static void NotCached(HttpContext http)
    {
        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.Headers["X-Robots-Tag"] = "noindex";
    }
}
