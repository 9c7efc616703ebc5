using System.Text.RegularExpressions;

namespace NonprofitPortal.Features.Bounces;

/// <summary>
/// Tells hard bounces from soft ones. RFC 3463 status codes decide: class 5 is permanent (hard),
/// class 4 temporary (soft), except the permanent codes that say nothing about the address
/// itself: X.2.2 mailbox full (RFC 3463 calls it a persistent transient failure), X.3.4 message
/// too big, and X.7.x security or policy refusals (a spam filter's verdict on one message, not a
/// dead mailbox). Without a status code, the SMTP reply code (5xx / 4xx), then the wording that
/// common mail servers use, decide.
/// </summary>
public static partial class BounceClassifier
{
    private static readonly string[] HardPhrases =
    [
        "user unknown", "unknown user", "no such user", "no such mailbox", "no such recipient", "mailbox not found",
        "mailbox unavailable", "does not exist", "address rejected", "recipient rejected", "invalid recipient",
        "unrouteable address", "unknown recipient", "account has been disabled", "account disabled", "no mailbox here",
    ];

    private static readonly string[] SoftPhrases =
    [
        "mailbox full", "mailbox is full", "over quota", "quota exceeded", "insufficient storage", "try again later",
        "temporarily", "temporary failure", "deferred", "greylist", "too many connections",
    ];

    /// <summary>The class of an RFC 3463 status such as <c>5.1.1</c>; null when it is not a failure (2.x.x) or not a status.</summary>
    public static BounceClass? FromStatus(string? status)
    {
        if (status is null || StatusCode().Match(status) is not { Success: true } match)
        {
            return null;
        }

        var (statusClass, subject, detail) = (match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Value);
        return statusClass switch
        {
            "4" => BounceClass.Soft,
            "5" when (subject, detail) is ("2", "2") or ("3", "4") || subject == "7" => BounceClass.Soft,
            "5" => BounceClass.Hard,
            _ => null,
        };
    }

    /// <summary>
    /// The class of a server's words: an SMTP reply (<c>550 5.1.1 No such user</c>), a DSN's
    /// Diagnostic-Code, or the text of a bounce that follows no standard.
    /// </summary>
    /// <returns>The class and the status code it was read from (null when only the reply code or the wording told).</returns>
    public static (BounceClass Class, string? Status)? FromText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        foreach (Match status in StatusCode().Matches(text))
        {
            if (FromStatus(status.Value) is { } byStatus)
            {
                return (byStatus, status.Value);
            }
        }

        if (ReplyCode().Match(text) is { Success: true } reply)
        {
            return (reply.Groups[1].Value == "5" ? BounceClass.Hard : BounceClass.Soft, null);
        }

        if (HardPhrases.Any(phrase => text.Contains(phrase, StringComparison.OrdinalIgnoreCase)))
        {
            return (BounceClass.Hard, null);
        }

        return SoftPhrases.Any(phrase => text.Contains(phrase, StringComparison.OrdinalIgnoreCase)) ? (BounceClass.Soft, null) : null;
    }

    /// <summary>An RFC 3463 enhanced status code, not part of a longer number or version (<c>1.5.1.1</c>).</summary>
    [GeneratedRegex(@"(?<![\d.])([245])\.(\d{1,3})\.(\d{1,3})(?![\d.]*\d)")]
    private static partial Regex StatusCode();

    /// <summary>An SMTP reply code at the start of the text or of a line (<c>550 ...</c>, <c>550-...</c>, <c>smtp; 550 ...</c>).</summary>
    [GeneratedRegex(@"(?:^|\n|;\s*)([45])\d\d[ -]", RegexOptions.CultureInvariant)]
    private static partial Regex ReplyCode();
}
