using System.Globalization;
using System.Text.RegularExpressions;

namespace NonprofitPortal.Features.Campaigns.Api;

/// <summary>
/// Reads <c>sendAt</c>: ISO 8601 with an explicit offset. A time without one would silently mean
/// the server's zone, which is never what a script in another zone meant.
/// </summary>
public static partial class SendAt
{
    public const string Format = "sendAt must be an ISO 8601 date and time with an offset, such as 2026-12-01T09:00:00+01:00 or 2026-12-01T08:00:00Z.";

    public static bool TryParse(string? text, out DateTimeOffset? sendAt)
    {
        sendAt = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!WithOffset().IsMatch(text.Trim())
            || !DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        sendAt = parsed;
        return true;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex WithOffset();
}
