using Scriban;
using Scriban.Parsing;

namespace NonprofitPortal.Features.Drafts.Templates;

/// <summary>A template parsed once: ready to render, or the errors found in it, in source order.</summary>
internal sealed class ParsedTemplate(Template? template, IReadOnlyList<TemplateError> errors)
{
    /// <summary>Null when there are errors.</summary>
    public Template? Template { get; } = template;

    public IReadOnlyList<TemplateError> Errors { get; } = errors;

    public static ParsedTemplate Parse(string part, string text)
    {
        var template = Template.Parse(text);
        var errors = template.Messages
            .Where(message => message.Type == ParserMessageType.Error)
            .Select(message => TemplateErrors.At(part, text, message.Span.Start, message.Message))
            .Concat(LiquidSyntax.Find(part, text, template))
            .OrderBy(error => error.Line)
            .ThenBy(error => error.Column)
            .ToList();
        return new ParsedTemplate(errors.Count == 0 ? template : null, errors);
    }
}
