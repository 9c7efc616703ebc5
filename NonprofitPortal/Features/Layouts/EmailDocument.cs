using NonprofitPortal.Features.Drafts.Templates;

namespace NonprofitPortal.Features.Layouts;

/// <summary>
/// The template a campaign sends: the draft's body inside its layout, refused when it holds what
/// email cannot (scripts, forms, event attributes), with the layout's CSS inlined. Built once per
/// campaign at launch, never per message (and for each preview, so that it shows what is sent).
/// </summary>
public static class EmailDocument
{
    /// <param name="layoutHtml">Null for a body sent without a layout.</param>
    /// <returns>The template, or why it cannot be sent.</returns>
    public static (string? Template, IReadOnlyList<TemplateError> Errors) Compose(string body, string? layoutHtml)
    {
        IReadOnlyList<TemplateError> errors = [.. EmailSafety.Check(TemplateError.Body, body), .. layoutHtml is null ? [] : EmailSafety.Check(TemplateError.Layout, layoutHtml)];
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var inlined = CssInliner.Inline(layoutHtml is null ? body : LayoutTemplate.Wrap(layoutHtml, body));
        return inlined is null
            ? (null, [new TemplateError(TemplateError.Layout, 1, 1, "The layout's styles cannot be inlined without moving template code ({{ … }}) that stands inside a tag, between its attributes. Move the code into an attribute's value, or around the whole element.", "")])
            : (inlined, []);
    }
}
