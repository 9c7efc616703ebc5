using Scriban;
using Scriban.Parsing;
using Scriban.Syntax;

namespace NonprofitPortal.Features.Drafts.Templates;

/// <summary>
/// Finds Liquid written where Scriban is expected. Scriban would print a Liquid tag as text and fail on a
/// Liquid filter only when rendering, so both are reported with the parse errors, with the Scriban to write instead.
/// </summary>
internal static class LiquidSyntax
{
    private static readonly Dictionary<string, string> Filters = new(StringComparer.Ordinal)
    {
        ["abs"] = "math.abs",
        ["append"] = "string.append",
        ["capitalize"] = "string.capitalize",
        ["ceil"] = "math.ceil",
        ["compact"] = "array.compact",
        ["concat"] = "array.concat",
        ["date"] = "date.to_string",
        ["default"] = "object.default",
        ["divided_by"] = "math.divided_by",
        ["downcase"] = "string.downcase",
        ["escape"] = "html.escape",
        ["first"] = "array.first",
        ["floor"] = "math.floor",
        ["join"] = "array.join",
        ["last"] = "array.last",
        ["lstrip"] = "string.lstrip",
        ["map"] = "array.map",
        ["minus"] = "math.minus",
        ["modulo"] = "math.modulo",
        ["newline_to_br"] = "html.newline_to_br",
        ["plus"] = "math.plus",
        ["prepend"] = "string.prepend",
        ["remove"] = "string.remove",
        ["remove_first"] = "string.remove_first",
        ["replace"] = "string.replace",
        ["replace_first"] = "string.replace_first",
        ["reverse"] = "array.reverse",
        ["round"] = "math.round",
        ["rstrip"] = "string.rstrip",
        ["size"] = "string.size",
        ["slice"] = "string.slice",
        ["sort"] = "array.sort",
        ["split"] = "string.split",
        ["strip"] = "string.strip",
        ["strip_html"] = "html.strip",
        ["strip_newlines"] = "string.strip_newlines",
        ["times"] = "math.times",
        ["truncate"] = "string.truncate",
        ["truncatewords"] = "string.truncatewords",
        ["uniq"] = "array.uniq",
        ["upcase"] = "string.upcase",
        ["url_encode"] = "html.url_encode",
    };

    /// <summary>What to write instead, when <paramref name="name"/> is a Liquid filter.</summary>
    public static string? FilterHint(string name) =>
        Filters.TryGetValue(name, out var scriban)
            ? $"`{name}` is a Liquid filter; in Scriban write `{scriban}`, as in {{{{ nonprofit.name | {scriban} }}}}."
            : null;

    public static IEnumerable<TemplateError> Find(string part, string source, Template template) =>
        Tags(part, source).Concat(FilterErrors(part, source, template.Page));

    private static IEnumerable<TemplateError> Tags(string part, string source)
    {
        foreach (var token in new Lexer(source))
        {
            if (token.Type != TokenType.Raw)
            {
                continue;
            }

            // Token ends are inclusive. Scriban's own {%{ … }%} is an escape token, never raw text.
            var end = token.End.Offset + 1;
            for (var at = source.IndexOf("{%", token.Start.Offset, end - token.Start.Offset, StringComparison.Ordinal);
                 at >= 0;
                 at = source.IndexOf("{%", at + 2, end - at - 2, StringComparison.Ordinal))
            {
                var close = source.IndexOf("%}", at + 2, StringComparison.Ordinal);
                var tag = close < 0 || close - at > 40 ? source.Substring(at, Math.Min(10, source.Length - at)) + "…" : source[at..(close + 2)];
                yield return TemplateErrors.At(part, source, PositionOf(source, at), $"`{tag}`: Liquid tags {{% %}} are not supported; use {{{{ }}}} (Scriban), as in {{{{ if … }}}} … {{{{ end }}}}.");
            }
        }
    }

    private static IEnumerable<TemplateError> FilterErrors(string part, string source, ScriptNode? page)
    {
        var defined = new HashSet<string>(StringComparer.Ordinal);
        var suspects = new List<ScriptVariable>();
        var errors = new List<TemplateError>();
        var pending = new Stack<ScriptNode>();
        if (page is not null)
        {
            pending.Push(page);
        }

        while (pending.TryPop(out var node))
        {
            switch (node)
            {
                case ScriptPipeCall { To: ScriptNamedArgument { Name: { } filter } }:
                    var scriban = Filters.GetValueOrDefault(filter.Name, filter.Name);
                    errors.Add(TemplateErrors.At(part, source, filter.Span.Start,
                        $"`| {filter.Name}:` is Liquid filter syntax; in Scriban write `| {scriban} argument` (no colon, no commas)."));
                    break;
                case ScriptPipeCall { To: ScriptVariableGlobal filter }:
                    suspects.Add(filter);
                    break;
                case ScriptPipeCall { To: ScriptFunctionCall { Target: ScriptVariableGlobal filter } }:
                    suspects.Add(filter);
                    break;
                case ScriptAssignExpression { Target: ScriptVariableGlobal variable }:
                    defined.Add(variable.Name);
                    break;
                case ScriptFunction { NameOrDoToken: ScriptVariable function }:
                    defined.Add(function.Name);
                    break;
                case ScriptForStatement { Variable: ScriptVariable variable }:
                    defined.Add(variable.Name);
                    break;
                case ScriptCaptureStatement { Target: ScriptVariableGlobal variable }:
                    defined.Add(variable.Name);
                    break;
            }

            foreach (var child in node.Children)
            {
                if (child is not null)
                {
                    pending.Push(child);
                }
            }
        }

        errors.AddRange(suspects
            .Where(filter => Filters.ContainsKey(filter.Name) && !defined.Contains(filter.Name))
            .Select(filter => TemplateErrors.At(part, source, filter.Span.Start, FilterHint(filter.Name)!)));
        return errors;
    }

    private static TextPosition PositionOf(string source, int offset)
    {
        var line = 0;
        var lineStart = 0;
        for (var i = source.IndexOf('\n'); i >= 0 && i < offset; i = source.IndexOf('\n', i + 1))
        {
            line++;
            lineStart = i + 1;
        }

        return new TextPosition(offset, line, offset - lineStart);
    }
}
