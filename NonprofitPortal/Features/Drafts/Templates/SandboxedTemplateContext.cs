using System.Diagnostics;
using System.Text;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace NonprofitPortal.Features.Drafts.Templates;

/// <summary>
/// A Scriban context with the sandbox's limits, strict about names, and (for HTML) encoding every value a
/// template writes while its literal text is written as is. Reused, one render at a time, after <see cref="TemplateContext.Reset"/>.
/// </summary>
internal sealed class SandboxedTemplateContext : TemplateContext
{
    private string _source = "";
    private bool _htmlEncodeValues;
    private long _allocatedBefore;
    private long _deadline;
    private int _evaluations;

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
        // The only .NET objects a template meets are dates and time spans (today.year) and the IScriptOutput of a
        // capture, whose StringBuilder would otherwise be theirs to resize.
        MemberFilter = member => member.DeclaringType == typeof(DateTime) || member.DeclaringType == typeof(TimeSpan);
        TryGetVariable = UnknownVariable;
        TryGetMember = UnknownMember;
    }

    /// <param name="source">The template's text, to quote in messages.</param>
    /// <param name="deadline">The <see cref="Stopwatch.GetTimestamp"/> past which the render stops (<see cref="ScriptAbortException"/>).</param>
    public void Begin(string source, bool htmlEncodeValues, ScriptObject globals, long deadline, CancellationToken cancellationToken)
    {
        _source = source;
        _htmlEncodeValues = htmlEncodeValues;
        _allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        _deadline = deadline;
        CancellationToken = cancellationToken;
        PushGlobal(globals);
    }

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

    // Scriban writes literal text through Write(ScriptStringSlice) and the value of every {{ }} through this
    // overload (Render is synchronous: WriteAsync is never called). An IScriptOutput is what a capture or
    // html.newline_to_br made in this context: markup of the template's own, values already encoded.
    public override TemplateContext Write(SourceSpan span, object? textAsObject) =>
        _htmlEncodeValues && textAsObject is not (null or IScriptOutput)
            ? base.Write(span, HtmlEncode(ObjectToString(textAsObject) ?? ""))
            : base.Write(span, textAsObject);

    /// <summary>
    /// Bounds how long a render runs, and what it can hold (a thousand copies of a long string, in a loop or a tree
    /// of calls) by what it has allocated so far, checked every 64 nodes evaluated: a node allocates at most a few
    /// MB. The clock is read here rather than a timer cancelling the render: a timer per render costs every
    /// message of a campaign a trip through the runtime's timer queue, behind its lock.
    /// </summary>
    public override object? Evaluate(ScriptNode? scriptNode, bool aliasReturnedFunction)
    {
        if (scriptNode is not null && ++_evaluations % 64 == 0)
        {
            if (Stopwatch.GetTimestamp() > _deadline)
            {
                throw new ScriptAbortException(scriptNode.Span, CancellationToken);
            }

            if (GC.GetAllocatedBytesForCurrentThread() - _allocatedBefore > TemplateLimits.MaxAllocatedBytes)
            {
                throw new ScriptRuntimeException(scriptNode.Span, $"The template uses more than {TemplateLimits.MaxAllocatedBytes / (1024 * 1024)} MB of memory, the limit for one email.");
            }
        }

        return base.Evaluate(scriptNode, aliasReturnedFunction);
    }

    private static bool UnknownVariable(TemplateContext context, SourceSpan span, ScriptVariable variable, out object value) =>
        throw new ScriptRuntimeException(span, TemplateErrors.UnknownVariable(variable.Name, (context.CurrentGlobal?.GetMembers() ?? []).Concat(TemplateBuiltins.Shared.Keys)));

    private static bool UnknownMember(TemplateContext context, SourceSpan span, object target, string member, out object value)
    {
        var source = ((SandboxedTemplateContext)context)._source;
        var targetText = context.CurrentNode switch
        {
            ScriptMemberExpression { Target: { } expression } => TemplateErrors.SourceOf(source, expression.Span),
            ScriptIndexerExpression { Target: { } expression } => TemplateErrors.SourceOf(source, expression.Span),
            _ => null,
        };
        throw new ScriptRuntimeException(span, TemplateErrors.UnknownMember(targetText, member, (target as IScriptObject)?.GetMembers() ?? []));
    }
}
