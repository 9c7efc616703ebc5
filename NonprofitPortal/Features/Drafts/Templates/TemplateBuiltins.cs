using Scriban;
using Scriban.Functions;
using Scriban.Runtime;

namespace NonprofitPortal.Features.Drafts.Templates;

/// <summary>
/// Scriban's builtin functions, built once and shared by every render: read-only, so that no template can
/// change them for the others (<c>date.format = …</c> would otherwise reach every email rendered after it).
/// </summary>
internal static class TemplateBuiltins
{
    public static ScriptObject Shared { get; } = Create();

    private static ScriptObject Create()
    {
        var builtins = TemplateContext.GetDefaultBuiltinObject();
        builtins.Remove("include");
        builtins.Remove("include_join");
        ((DateTimeFunctions)builtins["date"]!).Format = "%Y-%m-%d";

        // Every value is HTML-encoded when written: escaping it in the template too would show "&amp;amp;", and the
        // <br /> of newline_to_br must stay markup, which an IScriptOutput does.
        var html = (ScriptObject)builtins["html"]!;
        html.SetReadOnly("escape", false);
        html.Import("escape", new Func<string?, string?>(text => text));
        html.SetReadOnly("newline_to_br", false);
        html.Import("newline_to_br", new Func<string?, IScriptOutput>(NewLinesToBreaks));

        foreach (var functions in builtins.Values.OfType<ScriptObject>())
        {
            functions.IsReadOnly = true;
        }

        builtins.IsReadOnly = true;
        return builtins;
    }

    private static StringBuilderOutput NewLinesToBreaks(string? text)
    {
        var output = new StringBuilderOutput();
        output.Builder.Append(SandboxedTemplateContext.HtmlEncode(text ?? "").ReplaceLineEndings("<br />\n"));
        return output;
    }
}
