namespace NonprofitPortal.Features.Drafts.Templates;

/// <summary>
/// An HTML start tag read from source text, with where each attribute is, so that one attribute
/// can be rewritten without touching the rest of the text.
/// </summary>
internal sealed class StartTag
{
    private StartTag(int start, int end, List<Attribute> attributes)
    {
        Start = start;
        End = end;
        Attributes = attributes;
    }

    public int Start { get; }

    /// <summary>The index of the tag's closing <c>&gt;</c> (or of the <c>/</c> of <c>/&gt;</c>).</summary>
    public int End { get; }

    public IReadOnlyList<Attribute> Attributes { get; }

    /// <param name="start">The index of the tag's <c>&lt;</c>.</param>
    public static StartTag? Read(string html, int start)
    {
        if (start < 0 || start >= html.Length || html[start] != '<')
        {
            return null;
        }

        var i = start + 1;
        while (i < html.Length && !IsSpace(html[i]) && html[i] is not ('>' or '/'))
        {
            i++;
        }

        var attributes = new List<Attribute>();
        while (i < html.Length)
        {
            while (i < html.Length && (IsSpace(html[i]) || (html[i] == '/' && i + 1 < html.Length && html[i + 1] != '>')))
            {
                i++;
            }

            if (i >= html.Length)
            {
                return null;
            }

            if (html[i] == '>' || (html[i] == '/' && i + 1 < html.Length && html[i + 1] == '>'))
            {
                return new StartTag(start, i, attributes);
            }

            var nameStart = i;
            do
            {
                i++;
            }
            while (i < html.Length && !IsSpace(html[i]) && html[i] is not ('>' or '/' or '='));

            var name = html[nameStart..i];
            var afterName = i;
            while (i < html.Length && IsSpace(html[i]))
            {
                i++;
            }

            if (i >= html.Length || html[i] != '=')
            {
                attributes.Add(new Attribute(name, nameStart, afterName, -1, -1, '\0'));
                i = afterName;
                continue;
            }

            i++;
            while (i < html.Length && IsSpace(html[i]))
            {
                i++;
            }

            if (i < html.Length && html[i] is '"' or '\'')
            {
                var quote = html[i];
                var valueEnd = html.IndexOf(quote, i + 1);
                if (valueEnd < 0)
                {
                    return null;
                }

                attributes.Add(new Attribute(name, nameStart, valueEnd + 1, i + 1, valueEnd, quote));
                i = valueEnd + 1;
            }
            else
            {
                var valueStart = i;
                while (i < html.Length && !IsSpace(html[i]) && html[i] != '>')
                {
                    i++;
                }

                attributes.Add(new Attribute(name, nameStart, i, valueStart, i, '\0'));
            }
        }

        return null;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';

    /// <param name="End">Just past the attribute (its closing quote, or its name when it has no value).</param>
    /// <param name="ValueStart">-1 for an attribute without a value.</param>
    /// <param name="Quote">The quote around the value; <c>\0</c> when unquoted.</param>
    public sealed record Attribute(string Name, int Start, int End, int ValueStart, int ValueEnd, char Quote);
}
