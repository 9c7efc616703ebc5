using NonprofitPortal.Features.Campaigns.Sends.Search;

namespace NonprofitPortal.Features.Campaigns.Sends;

/// <summary>Which recipients of a campaign the log lists.</summary>
/// <param name="Search">
/// A whole email address (anything with an <c>@</c>) finds that recipient through an index; other
/// text is cut into words, and a recipient is listed when every word starts a word of its name or
/// email, in any letter case (as the directory searches).
/// </param>
public sealed record SendLogFilter(string? Search = null, SendStatus? Status = null)
{
    public static SendLogFilter All { get; } = new();

    public string? Term => string.IsNullOrWhiteSpace(Search) ? null : Search.Trim();

    public bool IsEmailSearch => Term?.Contains('@', StringComparison.Ordinal) == true;

    /// <summary>The words to look for; null for no search or an email search.</summary>
    public SendSearchWords? Words => Term is { } term && !IsEmailSearch ? SendSearchWords.Parse(term) : null;

    /// <summary>A status as the API writes it (<c>sent</c>, <c>failed</c>...), in any letter case; true with null for none.</summary>
    public static bool TryParseStatus(string? text, out SendStatus? status)
    {
        status = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (char.IsAsciiLetter(text[0]) && Enum.TryParse<SendStatus>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            status = parsed;
            return true;
        }

        return false;
    }
}
