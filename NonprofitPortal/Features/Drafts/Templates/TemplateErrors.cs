using System.Globalization;
using Scriban.Parsing;
using Scriban.Syntax;

namespace NonprofitPortal.Features.Drafts.Templates;

/// <summary>Turns what Scriban reports into <see cref="TemplateError"/>s a person can act on.</summary>
internal static class TemplateErrors
{
    private const int ExcerptHalfWidth = 60;

    public static TemplateError At(string part, string source, TextPosition position, string message)
    {
        if (position.Line < 0 || position.Offset < 0)
        {
            return new TemplateError(part, 1, 1, message, "");
        }

        var offset = Math.Min(position.Offset, source.Length);
        var lineStart = offset == 0 ? 0 : source.LastIndexOf('\n', offset - 1) + 1;
        var lineEnd = source.IndexOf('\n', offset);
        var line = source[lineStart..(lineEnd < 0 ? source.Length : lineEnd)].TrimEnd('\r');
        return new TemplateError(part, position.Line + 1, position.Column + 1, message, Excerpt(line, offset - lineStart));
    }

    /// <summary>An error at a 0-based index of <paramref name="source"/>, for problems found outside Scriban (in the HTML).</summary>
    public static TemplateError AtIndex(string part, string source, int index, string message)
    {
        var offset = Math.Clamp(index, 0, source.Length);
        var line = source.AsSpan(0, offset).Count('\n');
        var lineStart = offset == 0 ? 0 : source.LastIndexOf('\n', offset - 1) + 1;
        return At(part, source, new TextPosition(offset, line, offset - lineStart), message);
    }

    public static TemplateError TooLarge(string part, int bytes) =>
        new(part, 1, 1, string.Create(CultureInfo.InvariantCulture, $"The {part} template is {bytes / 1024:N0} KB; the limit is {TemplateLimits.MaxTemplateBytes / 1024} KB."), "");

    public static TemplateError TimeLimit(string part, string source, SourceSpan span, TimeSpan limit) =>
        At(part, source, span.Start, string.Create(CultureInfo.InvariantCulture, $"Rendering took longer than {limit.TotalSeconds:0.#} s, the limit for one email: look for a loop or a function that runs too long."));

    /// <summary>Scriban's own message, or ours for the limits it enforces (it raises them all as <see cref="ScriptRuntimeException"/>).</summary>
    public static TemplateError Runtime(string part, string source, ScriptRuntimeException exception)
    {
        var original = exception.OriginalMessage;
        var message =
            original.Contains("LoopLimit", StringComparison.Ordinal) || original.Contains("iteration limit", StringComparison.Ordinal)
                ? string.Create(CultureInfo.InvariantCulture, $"The template repeats more than {TemplateLimits.MaxLoopIterations:N0} times (loop iterations), the limit for one email.")
            : original.Contains("recursive depth limit", StringComparison.Ordinal)
                ? $"Functions call each other more than {TemplateLimits.MaxRecursionDepth} levels deep, the limit."
            : original.Contains("OutputLimit", StringComparison.Ordinal) || original.Contains("LimitToString", StringComparison.Ordinal)
                ? $"The rendered {part} would be longer than {TemplateLimits.MaxOutputLength / (1024 * 1024)} MB, the limit."
            : original;
        return At(part, source, exception.Span.Start, message);
    }

    public static string UnknownVariable(string name, IEnumerable<string> known) =>
        LiquidSyntax.FilterHint(name)
        ?? $"There is no variable or function `{name}`.{DidYouMean(null, name, known)}";

    public static string UnknownMember(string? target, string member, IEnumerable<string> known) =>
        target is null
            ? $"There is no member `{member}` here.{DidYouMean(null, member, known)}"
            : $"There is no `{target}.{member}`.{DidYouMean(target, member, known)}";

    public static string? SourceOf(string source, SourceSpan span)
    {
        var start = span.Start.Offset;
        var end = span.End.Offset;
        return start >= 0 && end >= start && end < source.Length ? source[start..(end + 1)] : null;
    }

    private static string DidYouMean(string? target, string name, IEnumerable<string> known)
    {
        var closest = known
            .Select(candidate => (Candidate: candidate, Distance: Distance(name, candidate)))
            .Where(match => match.Distance <= Math.Min(2, name.Length / 2))
            .OrderBy(match => match.Distance)
            .Select(match => match.Candidate)
            .FirstOrDefault();
        return closest is null ? "" : target is null ? $" Did you mean `{closest}`?" : $" Did you mean `{target}.{closest}`?";
    }

    /// <summary>Levenshtein distance, with a swap of two neighbours counted as one edit (nmae → name).</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    private static string Excerpt(string line, int column)
    {
        if (line.Length <= 2 * ExcerptHalfWidth)
        {
            return line.Trim();
        }

        var start = Math.Clamp(column - ExcerptHalfWidth, 0, line.Length - 2 * ExcerptHalfWidth);
        var excerpt = line.Substring(start, 2 * ExcerptHalfWidth);
        return (start > 0 ? "…" : "") + excerpt + (start + excerpt.Length < line.Length ? "…" : "");
    }
}
