using System.Security.Cryptography;

namespace NonprofitPortal.Features.Operations;

/// <summary>
/// Headers on every response, error pages and static files included. The policy allows what
/// Blazor Server and MudBlazor need: scripts from this origin only (plus the import map that
/// <c>&lt;ImportMap&gt;</c> writes inline, by a per-request nonce), inline styles (MudBlazor sets
/// <c>style</c> attributes), images from this origin, data: URLs and HTTPS addresses (emails
/// show images by address), and the circuit's WebSocket
/// back to this origin (<c>'self'</c> covers ws: and wss: to the same host in CSP 3).
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "csp-nonce";

    /// <summary>The nonce this response's Content-Security-Policy allows for inline scripts.</summary>
    public static string Nonce(HttpContext context) => context.Items[NonceKey] as string ?? "";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Hex: nothing in it needs escaping in the HTML attribute or the header.
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        // On starting, not now: the exception handler clears the headers before it renders the error page.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = Policy(nonce);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            return Task.CompletedTask;
        });
        return next(context);
    });

    public static string Policy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        // Emails show images by their web address (a logo, a photo), in the editor and the preview.
        "img-src 'self' data: https:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";
}
