using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace NonprofitPortal.Features.Drafts.Templates;

/// <summary>
/// Moves the CSS of a template's <c>&lt;style&gt;</c> elements into <c>style</c> attributes with
/// PreMailer.Net, for mail clients that ignore style sheets, and keeps the template a template.
/// PreMailer works on a parsed document, and writing that document out would reorder what the
/// HTML parser reorders (text between table rows, implied <c>&lt;tbody&gt;</c>s, entities); so
/// only the attributes PreMailer changed are written back, each into its own start tag in the
/// source, and every other character of the template stays as it was. The <c>&lt;style&gt;</c>
/// elements stay too: clients that read them get the media queries (phones, dark mode).
/// </summary>
internal static class CssInliner
{
    // The attributes PreMailer writes: style, and the old presentational ones an element already has.
    private static readonly string[] InlinedAttributes = ["style", "bgcolor", "width", "height"];

    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsKeepingSourceReferences = true });

    /// <returns>The template with its styles inlined, or null when PreMailer would have moved template code.</returns>
    public static string? Inline(string template)
    {
        if (!template.Contains("<style", StringComparison.OrdinalIgnoreCase))
        {
            return template;
        }

        var source = ProtectedHtml.Of(template);
        using var document = Parser.ParseDocument(source.Html);
        // Elements the parser implied (tbody, a missing body) have no place in the source to write to.
        var elements = document.All
            .Where(element => element.SourceReference is not null)
            .GroupBy(element => element.SourceReference!.Position.Index)
            .Select(sameTag => sameTag.First())
            .ToList();
        var before = elements.ToDictionary(element => element, Inlined);

        using (var premailer = new PreMailer.Net.PreMailer(document))
        {
            premailer.MoveCssInline(removeStyleElements: false, removeComments: false);
        }

        var html = new StringBuilder(source.Html);
        // From the end backwards, so that each edit leaves the positions of those before it alone.
        foreach (var element in elements.OrderByDescending(element => element.SourceReference!.Position.Index))
        {
            var changed = InlinedAttributes.Where(name => element.GetAttribute(name) != before[element][name]).ToList();
            if (changed.Count > 0 && StartTag.Read(source.Html, element.SourceReference!.Position.Index) is { } tag)
            {
                Rewrite(html, tag, changed.Select(name => (name, element.GetAttribute(name) ?? "")));
            }
        }

        return source.Restore(html.ToString());
    }

    private static Dictionary<string, string?> Inlined(IElement element) =>
        InlinedAttributes.ToDictionary(name => name, element.GetAttribute);

    private static void Rewrite(StringBuilder html, StartTag tag, IEnumerable<(string Name, string Value)> changes)
    {
        var edits = new List<(int Start, int End, string Text)>();
        foreach (var (name, value) in changes)
        {
            var existing = tag.Attributes.FirstOrDefault(attribute => attribute.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            edits.Add(existing switch
            {
                { Quote: '"' or '\'' } quoted => (quoted.ValueStart, quoted.ValueEnd, Escape(value, quoted.Quote)),
                { } bare => (bare.Start, bare.End, $"{name}=\"{Escape(value, '"')}\""),
                null => (tag.End, tag.End, $" {name}=\"{Escape(value, '"')}\""),
            });
        }

        foreach (var (start, end, text) in edits.OrderByDescending(edit => edit.Start))
        {
            html.Remove(start, end - start).Insert(start, text);
        }
    }

    private static string Escape(string value, char quote) =>
        value.Replace("&", "&amp;", StringComparison.Ordinal).Replace(quote.ToString(), quote == '"' ? "&quot;" : "&#39;", StringComparison.Ordinal);
}
