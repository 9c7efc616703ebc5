using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using NonprofitPortal.Features.Drafts.Templates;
using Scriban.Parsing;

namespace NonprofitPortal.Features.Tracking;

/// <summary>
/// A campaign's body with tracking written in, once at launch: each trackable link's address
/// (<see cref="TrackingRules.IsTrackable"/>) becomes template code that renders the recipient's
/// tracked link, and the open pixel goes before <c>&lt;/body&gt;</c>. Only links written as they are,
/// in the template's text, are rewritten: an address made by template code (the unsubscribe and web
/// version links, anything personalised) stays as it is.
/// </summary>
/// <param name="Links">The addresses of the tracked links, by their number in <see cref="TrackingValues.LinkCode"/>.</param>
public sealed partial record TrackedTemplate(string Template, IReadOnlyList<string> Links)
{
    public static TrackedTemplate Track(string template, TrackingChoice choice, Uri portal)
    {
        var (tracked, links) = choice.Clicks ? WithTrackedLinks(template, portal) : (template, []);
        return new TrackedTemplate(choice.Opens ? WithPixel(tracked) : tracked, links);
    }

    private static (string Template, List<string> Links) WithTrackedLinks(string template, Uri portal)
    {
        var links = new List<string>();
        var tracked = new StringBuilder(template.Length + 256);
        var position = 0;
        foreach (var (start, length) in TextSpans(template))
        {
            foreach (Match link in Href().Matches(template.Substring(start, length)))
            {
                var value = link.Groups["url"];
                var url = WebUtility.HtmlDecode(value.Value).Trim();
                var index = links.IndexOf(url);
                if (index < 0 && (links.Count >= TrackingRules.MaxTrackedLinks || !TrackingRules.IsTrackable(url, portal)))
                {
                    continue;
                }

                if (index < 0)
                {
                    index = links.Count;
                    links.Add(url);
                }

                tracked.Append(template, position, start + value.Index - position).Append(TrackingValues.LinkCode(index, url));
                position = start + value.Index + value.Length;
            }
        }

        tracked.Append(template, position, template.Length - position);
        return (tracked.ToString(), links);
    }

    /// <summary>The pixel before the last <c>&lt;/body&gt;</c> written as text, or at the end.</summary>
    private static string WithPixel(string template)
    {
        var at = template.Length;
        foreach (var (start, length) in TextSpans(template))
        {
            if (BodyEnd().Match(template, start, length) is { Success: true } bodyEnd)
            {
                at = bodyEnd.Index;
            }
        }

        return template.Insert(at, TrackingValues.PixelCode);
    }

    /// <summary>Where the template is text rather than code, found by Scriban's own lexer.</summary>
    private static IEnumerable<(int Start, int Length)> TextSpans(string template)
    {
        foreach (var token in new Lexer(template, null, LexerOptions.Default))
        {
            if (token.Type == TokenType.Raw)
            {
                yield return (token.Start.Offset, token.End.Offset + 1 - token.Start.Offset);
            }
        }
    }

    /// <summary>An <c>&lt;a&gt;</c> start tag's quoted <c>href</c>, the whole tag up to it within one stretch of text.</summary>
    [GeneratedRegex("""<a\s[^>]*?\bhref\s*=\s*(?:"(?<url>[^"]*)"|'(?<url>[^']*)')""", RegexOptions.IgnoreCase)]
    private static partial Regex Href();

    [GeneratedRegex("</body\\s*>", RegexOptions.IgnoreCase | RegexOptions.RightToLeft)]
    private static partial Regex BodyEnd();
}
