using AngleSharp.Html.Parser;

namespace NonprofitPortal.Features.Drafts.Templates;

/// <summary>
/// What an email's HTML may not hold: scripts, forms, embedded pages and plug-ins, event
/// attributes and script addresses. Mail clients strip or block them, and some mark the whole
/// message as dangerous; each is refused with where it is and what to do instead.
/// </summary>
internal static class EmailSafety
{
    private static readonly Dictionary<string, string> RefusedElements = new(StringComparer.OrdinalIgnoreCase)
    {
        ["script"] = "Scripts do not run in email, and mail filters treat them as an attack: remove the <script> element.",
        ["form"] = "Forms do not work in most mail clients: link to a form on a web page instead.",
        ["input"] = "Form fields do not work in most mail clients: link to a form on a web page instead.",
        ["button"] = "Form buttons do not work in email: use the editor's Button, a link styled as one.",
        ["select"] = "Form fields do not work in most mail clients: link to a form on a web page instead.",
        ["textarea"] = "Form fields do not work in most mail clients: link to a form on a web page instead.",
        ["iframe"] = "Mail clients do not show embedded pages: link to the page instead.",
        ["frame"] = "Mail clients do not show embedded pages: link to the page instead.",
        ["object"] = "Mail clients do not run plug-ins: link to the content instead.",
        ["embed"] = "Mail clients do not run plug-ins: link to the content instead.",
        ["applet"] = "Mail clients do not run plug-ins: link to the content instead.",
    };

    private static readonly string[] AddressAttributes = ["href", "src", "action", "formaction", "background", "xlink:href"];

    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsKeepingSourceReferences = true });

    public static IReadOnlyList<TemplateError> Check(string part, string template)
    {
        var source = ProtectedHtml.Of(template);
        using var document = Parser.ParseDocument(source.Html);
        var errors = new List<TemplateError>();
        foreach (var element in document.All.Where(element => element.SourceReference is not null))
        {
            var at = element.SourceReference!.Position.Index;
            if (RefusedElements.TryGetValue(element.LocalName, out var advice))
            {
                errors.Add(TemplateErrors.AtIndex(part, template, source.TemplateIndex(at), advice));
                continue;
            }

            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                {
                    errors.Add(TemplateErrors.AtIndex(part, template, source.TemplateIndex(at),
                        $"The {attribute.Name} attribute runs a script, which email cannot do: remove it from the <{element.LocalName}>."));
                }
                else if (AddressAttributes.Contains(attribute.Name, StringComparer.OrdinalIgnoreCase) && IsScriptAddress(attribute.Value))
                {
                    errors.Add(TemplateErrors.AtIndex(part, template, source.TemplateIndex(at),
                        $"The {attribute.Name} of this <{element.LocalName}> is a script address, which email cannot follow: link to a web page instead."));
                }
            }
        }

        return errors;
    }

    private static bool IsScriptAddress(string value)
    {
        // Browsers ignore whitespace and control characters inside the scheme: "java\tscript:".
        var scheme = new string(value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).Take(16).ToArray());
        return scheme.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || scheme.StartsWith("vbscript:", StringComparison.OrdinalIgnoreCase)
            || scheme.StartsWith("data:text/html", StringComparison.OrdinalIgnoreCase);
    }
}
