using System.Text;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace NonprofitPortal.Features.Drafts.Templates;

/// <summary>
/// A Scriban context with the sandbox's limits, strict about names, and (for HTML) encoding every value a
/// template writes while its literal text is written as is.
/// </summary>
internal sealed class SandboxedTemplateContext : TemplateContext
{
    public SandboxedTemplateContext()
        : base(TemplateBuiltins.Shared)
    {
        StrictVariables = true;
        EnableRelaxedMemberAccess = false;
        LoopLimit = TemplateLimits.MaxLoopIterations;
        RecursiveLimit = TemplateLimits.MaxRecursionDepth;
        LimitToString = TemplateLimits.MaxOutputLength;
        OnStringLimit = ScriptLimitBehavior.Throw;
        OutputLimit = TemplateLimits.MaxOutputLength;
        OnOutputLimit = ScriptLimitBehavior.Throw;
        // A regular expression is one call that checks no cancellation; it stops on its own clock.
        RegexTimeOut = TemplateLimits.MaxRenderTime;
        TryGetVariable = UnknownVariable;
        TryGetMember = UnknownMember;
    }

    public bool HtmlEncodeValues { get; set; }

    /// <summary>The text of the template being rendered, to quote in messages.</summary>
    public string Source { get; set; } = "";

    // Scriban writes literal text through Write(ScriptStringSlice) and the value of every {{ }} through this
    // overload (Render is synchronous: WriteAsync is never called). A capture holds an IScriptOutput this
    // context wrote: the template's own markup, with its values encoded already.
    public override TemplateContext Write(SourceSpan span, object? textAsObject) =>
        HtmlEncodeValues && textAsObject is not (null or IScriptOutput)
            ? base.Write(span, HtmlEncode(ObjectToString(textAsObject) ?? ""))
            : base.Write(span, textAsObject);

    /// <summary>The characters that can end a text or a quoted attribute; the rest stays readable.</summary>
    public static string HtmlEncode(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        var encoded = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => encoded.Append("&amp;"),
                '<' => encoded.Append("&lt;"),
                '>' => encoded.Append("&gt;"),
                '"' => encoded.Append("&quot;"),
                '\'' => encoded.Append("&#39;"),
                _ => encoded.Append(c),
            };
        }

        return encoded.ToString();
    }

    private static bool UnknownVariable(TemplateContext context, SourceSpan span, ScriptVariable variable, out object value) =>
        throw new ScriptRuntimeException(span, TemplateErrors.UnknownVariable(variable.Name, (context.CurrentGlobal?.GetMembers() ?? []).Concat(TemplateBuiltins.Shared.Keys)));

    private static bool UnknownMember(TemplateContext context, SourceSpan span, object target, string member, out object value)
    {
        var source = ((SandboxedTemplateContext)context).Source;
        var targetText = context.CurrentNode switch
        {
            ScriptMemberExpression { Target: { } expression } => TemplateErrors.SourceOf(source, expression.Span),
            ScriptIndexerExpression { Target: { } expression } => TemplateErrors.SourceOf(source, expression.Span),
            _ => null,
        };
        throw new ScriptRuntimeException(span, TemplateErrors.UnknownMember(targetText, member, (target as IScriptObject)?.GetMembers() ?? []));
    }
}
