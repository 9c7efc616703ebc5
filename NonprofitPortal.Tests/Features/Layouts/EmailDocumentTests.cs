using AngleSharp.Html.Parser;
using NonprofitPortal.Features.Drafts.Templates;
using NonprofitPortal.Features.Layouts;

namespace NonprofitPortal.Tests.Features.Layouts;

public sealed class EmailDocumentTests
{
    private const string Layout = """
        <!DOCTYPE html>
        <html><head><style>
        td { padding: 8px; color: #222222; }
        .note { font-style: italic; }
        a { color: #2e5e4e; }
        @media (max-width: 600px) { td { padding: 4px; } }
        </style></head>
        <body><table role="presentation"><tr><td class="main">{{ content }}</td></tr></table>
        <p class="note"><a href="{{ unsubscribe_url }}">Unsubscribe</a></p></body></html>
        """;

    // Template code where an HTML parser would move or escape it: between table rows, inside
    // attributes, with < and & and quotes in it.
    private const string Body = """
        <p>Dear {{ nonprofit.name }},</p>
        <table>
        {{ if nonprofit.tags.size > 0 }}
        <tr><td>Your tags:</td></tr>
        {{ for tag in nonprofit.tags }}<tr><td class="tag" title="{{ tag | string.upcase }}">{{ tag }}</td></tr>{{ end }}
        {{ else }}<tr><td>No tags yet.</td></tr>
        {{ end }}
        </table>
        <p><a href="https://acme.org/report?for={{ nonprofit.email | html.url_encode }}&amp;y=2026" style='font-weight: bold'>Report</a>
        {{ if nonprofit.name.size < 100 && true }}short name{{ end }}</p>
        """;

    private static readonly TemplateModel Model = new(
        new NonprofitValues("Tom & Jerry <Rescue>", "1 Main St", "info@tomjerry.org", ["animals", "a<b"]),
        new FoundationValues("Acme Foundation"),
        new SenderValues("Sam", "sam@acme.org"),
        "https://acme.org/unsubscribe/abc",
        new DateOnly(2026, 3, 31));

    private readonly TemplateRenderer _renderer = new();

    [Fact]
    public void Inlining_keeps_every_piece_of_template_code_exactly_as_written_and_in_place()
    {
        var template = Composed(Body, Layout);

        // Everything but start tags given a style attribute is the wrapped text, character for character.
        Assert.Equal(WithoutInlinedStyles(LayoutTemplate.Wrap(Layout, Body)), WithoutInlinedStyles(template));
        Assert.True(template.IndexOf("{{ for tag in nonprofit.tags }}<tr>", StringComparison.Ordinal) > template.IndexOf("<table>", StringComparison.Ordinal));
        Assert.Contains("title=\"{{ tag | string.upcase }}\"", template, StringComparison.Ordinal);
        Assert.Contains("href=\"{{ unsubscribe_url }}\"", template, StringComparison.Ordinal);
    }

    [Fact]
    public void The_layouts_style_sheet_is_inlined_and_kept_for_clients_that_read_it()
    {
        var template = Composed(Body, Layout);

        Assert.Contains("<td class=\"tag\" title=\"{{ tag | string.upcase }}\" style=\"padding: 8px;color: #222222\">", template, StringComparison.Ordinal);
        Assert.Contains("<p class=\"note\" style=\"font-style: italic\">", template, StringComparison.Ordinal);
        // An existing inline style wins, and keeps its quotes.
        Assert.Contains("style='color: #2e5e4e;font-weight: bold'>Report</a>", template, StringComparison.Ordinal);
        Assert.Contains("@media (max-width: 600px)", template, StringComparison.Ordinal);
    }

    [Fact]
    public void The_inlined_template_renders_like_the_original_for_each_branch()
    {
        var template = Composed(Body, Layout);
        var withoutTags = Model with { Nonprofit = Model.Nonprofit with { Tags = [] } };

        foreach (var model in new[] { Model, withoutTags })
        {
            var original = Rendered(LayoutTemplate.Wrap(Layout, Body), model);
            var inlined = Rendered(template, model);
            Assert.Equal(WithoutStyles(original), WithoutStyles(inlined));
        }

        var html = Rendered(template, Model);
        Assert.Contains("<td class=\"tag\" title=\"A&lt;B\" style=\"padding: 8px;color: #222222\">a&lt;b</td>", html, StringComparison.Ordinal);
        Assert.Contains("short name", html, StringComparison.Ordinal);
        Assert.DoesNotContain("No tags yet", html, StringComparison.Ordinal);
        Assert.Contains("No tags yet", Rendered(template, withoutTags), StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_without_a_layout_or_style_sheet_is_sent_as_written()
    {
        Assert.Equal(Body, Composed(Body, null));
    }

    [Fact]
    public void Code_between_the_attributes_of_a_styled_element_is_kept_when_inlining_can_keep_it()
    {
        const string layout = "<style>td { padding: 2px }</style><table><tr><td {{ if true }}class=\"x\"{{ end }}>{{ content }}</td></tr></table>";

        var template = Composed("<b>hi</b>", layout);

        Assert.Equal("<style>td { padding: 2px }</style><table><tr><td {{ if true }}class=\"x\"{{ end }} style=\"padding: 2px\"><b>hi</b></td></tr></table>", template);
    }

    [Theory]
    [InlineData("<p>Hi</p><script>alert(1)</script>", 1, 10, "Scripts do not run in email")]
    [InlineData("<p>Hi</p>\n<form action=\"https://x.org\"><input name=\"a\"></form>", 2, 1, "Forms do not work")]
    [InlineData("<p onclick=\"go()\">Hi</p>", 1, 1, "The onclick attribute runs a script")]
    [InlineData("<p>{{ nonprofit.name }}\n{{ if true }}</p><a href=\" javascript:alert(1)\">x</a>{{ end }}", 2, 18, "is a script address")]
    public void Html_that_email_cannot_hold_is_refused_with_its_place(string body, int line, int column, string message)
    {
        var (template, errors) = EmailDocument.Compose(body, null);

        Assert.Null(template);
        var error = errors[0];
        Assert.Equal((TemplateError.Body, line, column), (error.Part, error.Line, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_layouts_own_script_is_refused_as_the_layouts()
    {
        var (_, errors) = EmailDocument.Compose("<p>Hi</p>", "<body>{{ content }}<script src=\"x.js\"></script></body>");

        Assert.Equal(TemplateError.Layout, Assert.Single(errors).Part);
    }

    [Theory]
    [InlineData("<div>{{ content }}</div>", true)]
    [InlineData("<div>{{content}}</div>", true)]
    [InlineData("<div>{{- content -}}</div>", true)]
    [InlineData("<div>{{ content | string.upcase }}</div>", false)]
    [InlineData("<div>content</div>", false)]
    public void A_layout_has_a_place_for_the_body_only_with_a_content_tag(string layout, bool hasContent)
    {
        Assert.Equal(hasContent, LayoutTemplate.HasContent(layout));
    }

    private static string Composed(string body, string? layout)
    {
        var (template, errors) = EmailDocument.Compose(body, layout);
        Assert.Empty(errors);
        return template!;
    }

    private string Rendered(string template, TemplateModel model)
    {
        var result = _renderer.Render("Subject", template, model, TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Line}:{e.Column} {e.Message}")));
        return result.Email.Html;
    }

    /// <summary>The text with the style attributes inlining added or changed taken out.</summary>
    private static string WithoutInlinedStyles(string template) =>
        System.Text.RegularExpressions.Regex.Replace(template, """ style=("[^"]*"|'[^']*')""", "");

    /// <summary>The document as a browser reads it, style attributes aside.</summary>
    private static string WithoutStyles(string html)
    {
        using var document = new HtmlParser().ParseDocument(html);
        foreach (var element in document.All)
        {
            element.RemoveAttribute("style");
        }

        return document.DocumentElement.OuterHtml;
    }
}
