using Scriban.Parsing;

namespace NonprofitPortal.Features.Drafts.Templates;

/// <summary>Where a template's Scriban code is (<c>{{ … }}</c>, and <c>{%{ … }%}</c> escapes), found by Scriban's own lexer.</summary>
internal static class TemplateCodeSpans
{
    /// <returns>Start and length of each stretch of code, in order; an unclosed one runs to the end.</returns>
    public static IReadOnlyList<(int Start, int Length)> Find(string template)
    {
        var spans = new List<(int, int)>();
        var start = -1;
        foreach (var token in new Lexer(template, null, LexerOptions.Default))
        {
            switch (token.Type)
            {
                case TokenType.CodeEnter or TokenType.EscapeEnter when start < 0:
                    start = token.Start.Offset;
                    break;
                case TokenType.CodeExit or TokenType.EscapeExit when start >= 0:
                    spans.Add((start, token.End.Offset + 1 - start));
                    start = -1;
                    break;
            }
        }

        if (start >= 0)
        {
            spans.Add((start, template.Length - start));
        }

        return spans;
    }
}
