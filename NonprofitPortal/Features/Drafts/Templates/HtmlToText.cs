using System.Collections.Frozen;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace NonprofitPortal.Features.Drafts.Templates;

/// <summary>
/// The plain-text alternative of an HTML email: its words, line breaks, bullets, and links as "text (url)".
/// One pass over the tags, as this runs for every email sent.
/// </summary>
internal static partial class HtmlToText
{
    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Separators =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["br"] = "\n",
            ["p"] = "\n",
            ["div"] = "\n",
            ["/div"] = "\n",
            ["tr"] = "\n",
            ["/tr"] = "\n",
            ["ul"] = "\n",
            ["ol"] = "\n",
            ["table"] = "\n",
            ["blockquote"] = "\n",
            ["h1"] = "\n",
            ["h2"] = "\n",
            ["h3"] = "\n",
            ["h4"] = "\n",
            ["h5"] = "\n",
            ["h6"] = "\n",
            ["li"] = "\n- ",
            ["/td"] = " ",
            ["/th"] = " ",
            ["hr"] = "\n\n",
            ["/p"] = "\n\n",
            ["/h1"] = "\n\n",
            ["/h2"] = "\n\n",
            ["/h3"] = "\n\n",
            ["/h4"] = "\n\n",
            ["/h5"] = "\n\n",
            ["/h6"] = "\n\n",
            ["/ul"] = "\n\n",
            ["/ol"] = "\n\n",
            ["/table"] = "\n\n",
            ["/blockquote"] = "\n\n",
        }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    public static string Convert(string html)
    {
        var text = new StringBuilder(html.Length);
        var linkStart = -1;
        var linkUrl = "";
        var position = 0;
        // Comments, <head>, <style>, <script> and <title> match whole, so their content is skipped with them.
        foreach (var markup in Markup().EnumerateMatches(html))
        {
            AppendText(text, html.AsSpan(position, markup.Index - position));
            position = markup.Index + markup.Length;

            var name = TagName(html.AsSpan(markup.Index, markup.Length));
            if (Separators.TryGetValue(name, out var separator))
            {
                AppendSeparator(text, separator);
            }
            else if (name.Equals("a", StringComparison.OrdinalIgnoreCase))
            {
                var href = Href().Match(html, markup.Index, markup.Length);
                (linkStart, linkUrl) = (text.Length, href.Success ? WebUtility.HtmlDecode(href.Groups["url"].Value).Trim() : "");
            }
            else if (name.Equals("/a", StringComparison.OrdinalIgnoreCase) && linkStart >= 0)
            {
                EndLink(text, linkStart, linkUrl);
                linkStart = -1;
            }
        }

        AppendText(text, html.AsSpan(position));
        return text.ToString().Trim();
    }

    /// <summary>"a", "/a", "br"…: the name with the slash of a closing tag.</summary>
    private static ReadOnlySpan<char> TagName(ReadOnlySpan<char> markup)
    {
        var start = markup.Length > 1 && markup[1] == '/' ? 2 : 1;
        var end = start;
        while (end < markup.Length && char.IsAsciiLetterOrDigit(markup[end]))
        {
            end++;
        }

        return markup[1..end];
    }

    /// <summary>Text as a browser shows it: entities decoded, every run of whitespace one space.</summary>
    private static void AppendText(StringBuilder text, ReadOnlySpan<char> html)
    {
        var decoded = html.Contains('&') ? WebUtility.HtmlDecode(html.ToString()) : html;
        foreach (var c in decoded)
        {
            if (char.IsWhiteSpace(c))
            {
                AppendSpace(text);
            }
            else
            {
                text.Append(c);
            }
        }
    }

    private static void AppendSeparator(StringBuilder text, string separator)
    {
        foreach (var c in separator)
        {
            switch (c)
            {
                case '\n':
                    AppendNewLine(text);
                    break;
                case ' ':
                    AppendSpace(text);
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }
    }

    private static void AppendSpace(StringBuilder text)
    {
        if (text.Length > 0 && text[^1] is not (' ' or '\n'))
        {
            text.Append(' ');
        }
    }

    /// <summary>Ends the line, leaving at most one blank line in a row.</summary>
    private static void AppendNewLine(StringBuilder text)
    {
        TrimEndSpaces(text);
        if (text.Length > 0 && !(text.Length > 1 && text[^1] == '\n' && text[^2] == '\n'))
        {
            text.Append('\n');
        }
    }

    private static void EndLink(StringBuilder text, int start, string url)
    {
        var shown = text.ToString(start, text.Length - start).Trim();
        if (url.Length == 0 || shown == url || url == "mailto:" + shown)
        {
            return;
        }

        if (shown.Length == 0)
        {
            AppendSpace(text);
            text.Append(url);
            return;
        }

        TrimEndSpaces(text);
        text.Append(" (").Append(url).Append(')');
    }

    private static void TrimEndSpaces(StringBuilder text)
    {
        while (text.Length > 0 && text[^1] == ' ')
        {
            text.Length--;
        }
    }

    // Each skipped element spelled out rather than matched again by a backreference ("</\1"): the
    // source generator cannot compile a backreference that ignores case, and falls back to Regex's
    // interpreter, several times slower.
    [GeneratedRegex(@"<!--.*?-->|<head\b[^>]*>.*?</head\s*>|<style\b[^>]*>.*?</style\s*>|<script\b[^>]*>.*?</script\s*>|<title\b[^>]*>.*?</title\s*>|<[/!?]?[a-z][^>]*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Markup();

    [GeneratedRegex(@"\bhref\s*=\s*(?:""(?<url>[^""]*)""|'(?<url>[^']*)'|(?<url>[^\s>]+))", RegexOptions.IgnoreCase)]
    private static partial Regex Href();
}
