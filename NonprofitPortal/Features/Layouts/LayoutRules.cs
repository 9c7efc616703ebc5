using System.Text;
using NonprofitPortal.Features.Drafts.Templates;

namespace NonprofitPortal.Features.Layouts;

/// <summary>What a layout must be, apart from rendering (which <see cref="LayoutService"/> checks with the renderer).</summary>
public static class LayoutRules
{
    public const int MaxNameLength = 200;
    public const int MaxHtmlBytes = 64 * 1024;

    public static Dictionary<string, string[]> NameProblems(string? name)
    {
        var trimmed = (name ?? "").Trim();
        return trimmed.Length == 0 ? new() { ["name"] = ["Give the layout a name."] }
            : trimmed.Length > MaxNameLength ? new() { ["name"] = [$"A layout name has at most {MaxNameLength} characters."] }
            : [];
    }

    /// <summary>Too large, no <c>{{ content }}</c>, or holding what email cannot: each at its line and column.</summary>
    public static IReadOnlyList<TemplateError> HtmlErrors(string html)
    {
        var bytes = Encoding.UTF8.GetByteCount(html);
        if (bytes > MaxHtmlBytes)
        {
            return [new TemplateError(TemplateError.Layout, 1, 1, $"The layout is {bytes / 1024:N0} KB; the limit is {MaxHtmlBytes / 1024} KB.", "")];
        }

        if (!LayoutTemplate.HasContent(html))
        {
            return [new TemplateError(TemplateError.Layout, 1, 1, $"Put {LayoutTemplate.ContentTag} where the draft's body goes: a layout without it would send no body.", "")];
        }

        return EmailSafety.Check(TemplateError.Layout, html);
    }

    public static string Describe(TemplateError error) => $"Line {error.Line}, column {error.Column}: {error.Message}";
}
