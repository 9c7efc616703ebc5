using System.Globalization;

namespace NonprofitPortal.Features;

/// <summary>
/// Optimistic concurrency over HTTP: GET gives the row's version as an ETag, and a PUT that sends
/// it back in If-Match is refused when someone saved in between.
/// </summary>
public static class VersionHeaders
{
    public static string ETag(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>The version in If-Match (null when absent), or false when the header is not one of ours.</summary>
    public static bool TryReadIfMatch(HttpRequest request, out int? version)
    {
        version = null;
        var ifMatch = request.Headers.IfMatch.ToString();
        if (ifMatch.Length == 0)
        {
            return true;
        }

        if (!int.TryParse(ifMatch.Trim('"', 'W', '/'), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }

        version = parsed;
        return true;
    }
}
