using System.Text;

namespace NonprofitPortal.Features.Drafts.Templates;

/// <summary>
/// A template's HTML with each piece of Scriban code replaced by a placeholder that an HTML parser
/// leaves where it is: a comment in text (a comment may stand anywhere, even between table rows,
/// where text would be moved out of the table), and a plain word inside tags, comments and
/// <c>&lt;style&gt;</c> (nothing there is escaped or moved). Code such as <c>{{ if a &lt; b }}</c>
/// then cannot open a tag, and <see cref="Restore"/> puts back exactly what was written.
/// </summary>
internal sealed class ProtectedHtml
{
    private readonly List<Piece> _pieces;
    private readonly string _prefix;

    private ProtectedHtml(string html, List<Piece> pieces, string prefix)
    {
        Html = html;
        _pieces = pieces;
        _prefix = prefix;
    }

    public string Html { get; }

    public static ProtectedHtml Of(string template)
    {
        // A prefix that the template does not contain, so that no text of its own is taken for a placeholder.
        var prefix = "nptpl";
        while (template.Contains(prefix, StringComparison.OrdinalIgnoreCase))
        {
            prefix += "x";
        }

        var html = new StringBuilder(template.Length);
        var pieces = new List<Piece>();
        var context = new HtmlContext();
        var position = 0;
        foreach (var (start, length) in TemplateCodeSpans.Find(template))
        {
            context.Advance(template, position, start);
            html.Append(template, position, start - position);
            var word = $"{prefix}{pieces.Count}z";
            var placeholder = context.InText ? $"<!--{word}-->" : word;
            pieces.Add(new Piece(template.Substring(start, length), placeholder, start, html.Length));
            html.Append(placeholder);
            position = start + length;
        }

        html.Append(template, position, template.Length - position);
        return new ProtectedHtml(html.ToString(), pieces, prefix);
    }

    /// <summary>
    /// The code put back into <paramref name="html"/> (this HTML, edited). Null when a placeholder
    /// went missing or appears twice: then the edit moved code, and its result is not the template.
    /// </summary>
    public string? Restore(string html)
    {
        var result = new StringBuilder(html.Length + 64);
        var position = 0;
        var found = new bool[_pieces.Count];
        while (true)
        {
            var at = html.IndexOf(_prefix, position, StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }

            var digits = at + _prefix.Length;
            var end = digits;
            while (end < html.Length && char.IsAsciiDigit(html[end]))
            {
                end++;
            }

            if (end == digits || end >= html.Length || html[end] != 'z' || !int.TryParse(html.AsSpan(digits, end - digits), out var number)
                || number >= _pieces.Count || found[number])
            {
                return null;
            }

            found[number] = true;
            var piece = _pieces[number];
            var isComment = piece.Placeholder[0] == '<';
            var placeholderStart = isComment ? at - 4 : at;
            var placeholderEnd = isComment ? end + 4 : end + 1;
            if (placeholderStart < position || placeholderEnd > html.Length || string.CompareOrdinal(html, placeholderStart, piece.Placeholder, 0, piece.Placeholder.Length) != 0)
            {
                return null;
            }

            result.Append(html, position, placeholderStart - position).Append(piece.Code);
            position = placeholderEnd;
        }

        result.Append(html, position, html.Length - position);
        return found.All(f => f) ? result.ToString() : null;
    }

    /// <summary>Where an index of <see cref="Html"/> is in the template, for errors found in the protected HTML.</summary>
    public int TemplateIndex(int htmlIndex)
    {
        var shift = 0;
        foreach (var piece in _pieces)
        {
            if (htmlIndex < piece.HtmlStart)
            {
                break;
            }

            if (htmlIndex < piece.HtmlStart + piece.Placeholder.Length)
            {
                return piece.TemplateStart;
            }

            shift += piece.Code.Length - piece.Placeholder.Length;
        }

        return htmlIndex + shift;
    }

    private sealed record Piece(string Code, string Placeholder, int TemplateStart, int HtmlStart);

    /// <summary>Just enough of the HTML tokenizer's states to tell text from tags, comments and raw text.</summary>
    private sealed class HtmlContext
    {
        private static readonly string[] RawTextElements = ["style", "script", "title", "textarea"];

        private State _state = State.Text;
        private char _quote;
        private string? _rawElement;

        public bool InText => _state == State.Text;

        public void Advance(string html, int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                var c = html[i];
                switch (_state)
                {
                    case State.Text when c == '<' && At(html, i, "<!--"):
                        _state = State.Comment;
                        i += 3;
                        break;
                    case State.Text when c == '<' && i + 1 < html.Length && (char.IsAsciiLetter(html[i + 1]) || html[i + 1] is '/' or '!' or '?'):
                        _state = State.Tag;
                        _rawElement = RawTextElements.FirstOrDefault(name => At(html, i + 1, name) && i + 1 + name.Length < html.Length && !char.IsAsciiLetterOrDigit(html[i + 1 + name.Length]));
                        break;
                    case State.Tag when _quote != '\0':
                        _quote = c == _quote ? '\0' : _quote;
                        break;
                    case State.Tag when c is '"' or '\'':
                        _quote = c;
                        break;
                    case State.Tag when c == '>':
                        _state = _rawElement is null ? State.Text : State.RawText;
                        break;
                    case State.Comment when c == '-' && At(html, i, "-->"):
                        _state = State.Text;
                        i += 2;
                        break;
                    case State.RawText when c == '<' && At(html, i, "</" + _rawElement):
                        _state = State.Tag;
                        _rawElement = null;
                        break;
                }
            }
        }

        private static bool At(string html, int index, string text) =>
            index + text.Length <= html.Length && string.Compare(html, index, text, 0, text.Length, StringComparison.OrdinalIgnoreCase) == 0;

        private enum State
        {
            Text,
            Tag,
            Comment,
            RawText,
        }
    }
}
