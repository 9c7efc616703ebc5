using System.Text.RegularExpressions;

namespace NonprofitPortal.Features.Layouts;

/// <summary>A layout is a Scriban HTML document with <c>{{ content }}</c> where a draft's body goes.</summary>
public static partial class LayoutTemplate
{
    public const string ContentTag = "{{ content }}";

    public static bool HasContent(string html) => ContentSlot().IsMatch(html);

    /// <summary>The body in the layout, as one template: the body's code runs where <c>{{ content }}</c> stood.</summary>
    public static string Wrap(string layoutHtml, string body) => ContentSlot().Replace(layoutHtml, _ => body);

    /// <summary>
    /// The layout with its <c>{{ content }}</c> blanked out by spaces, so that it renders on its own
    /// and its errors keep their lines and columns.
    /// </summary>
    public static string Alone(string layoutHtml) => ContentSlot().Replace(layoutHtml, slot => new string(' ', slot.Length));

    [GeneratedRegex(@"\{\{[-~]?[ \t]*content[ \t]*[-~]?\}\}")]
    private static partial Regex ContentSlot();
}
