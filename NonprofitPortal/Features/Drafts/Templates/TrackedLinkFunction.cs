using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace NonprofitPortal.Features.Drafts.Templates;

/// <summary><c>tracking.link index 'url'</c>: the address a message's link goes to (<see cref="TrackingValues.Link"/>).</summary>
internal sealed class TrackedLinkFunction(TrackingValues tracking) : IScriptCustomFunction
{
    public int RequiredParameterCount => 2;

    public int ParameterCount => 2;

    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.Direct;

    public Type ReturnType => typeof(string);

    public ScriptParameterInfo GetParameterInfo(int index) =>
        index == 0 ? new ScriptParameterInfo(typeof(int), "index") : new ScriptParameterInfo(typeof(string), "url");

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        var span = callerContext?.Span ?? default;
        if (arguments.Count != 2)
        {
            throw new ScriptRuntimeException(span, "tracking.link takes a link's number and its address.");
        }

        return tracking.Link(context.ToInt(span, arguments[0]), context.ObjectToString(arguments[1]) ?? "");
    }

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
}
