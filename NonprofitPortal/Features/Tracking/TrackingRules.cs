namespace NonprofitPortal.Features.Tracking;

/// <summary>Which links of a message go through the portal, and where a tracked link may send its visitor.</summary>
public static class TrackingRules
{
    /// <summary>Links past this many different addresses in one message stay as they are.</summary>
    public const int MaxTrackedLinks = 500;

    /// <summary>The longest address tracked: a longer one stays as it is.</summary>
    public const int MaxUrlLength = 2000;

    /// <summary>
    /// An absolute http(s) address to another site. Not mailto:, tel:, anchors or relative links, and
    /// never the portal's own pages (its address and below) (the unsubscribe and web-version links, media, tracking itself):
    /// those must keep working as they are.
    /// </summary>
    public static bool IsTrackable(string url, Uri portal) =>
        url.Length <= MaxUrlLength
        && Uri.TryCreate(url, UriKind.Absolute, out var address)
        && IsWeb(address)
        && !SameSite(address, portal);

    /// <summary>
    /// Where a message's tracked link goes: one of the addresses its campaign was
    /// sent with, and an absolute http(s) one, or nowhere (no open redirect).
    /// </summary>
    public static Uri? RedirectTarget(string? storedUrl) =>
        storedUrl is not null && Uri.TryCreate(storedUrl, UriKind.Absolute, out var address) && IsWeb(address) ? address : null;

    private static bool IsWeb(Uri address) =>
        (address.Scheme == Uri.UriSchemeHttps || address.Scheme == Uri.UriSchemeHttp) && address.Host.Length > 0;

    private static bool SameSite(Uri address, Uri portal) =>
        string.Equals(address.IdnHost, portal.IdnHost, StringComparison.OrdinalIgnoreCase)
        && address.Port == portal.Port
        && address.AbsolutePath.StartsWith(portal.AbsolutePath, StringComparison.OrdinalIgnoreCase);
}
