using System.Globalization;

namespace NonprofitPortal.Features.Campaigns.Sends;

/// <summary>
/// Where the next page of the log starts: the id of the last recipient listed. Pages are read by
/// key (id greater than the cursor) rather than by offset, so the millionth row costs what the first does.
/// </summary>
public static class SendLogCursor
{
    public static string Format(long lastId) => lastId.ToString(CultureInfo.InvariantCulture);

    /// <returns>True with null for no cursor (the first page); false for text no page handed out.</returns>
    public static bool TryParse(string? cursor, out long? after)
    {
        after = null;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }

        if (long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            after = id;
            return true;
        }

        return false;
    }
}
