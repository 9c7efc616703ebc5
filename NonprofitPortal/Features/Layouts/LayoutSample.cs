namespace NonprofitPortal.Features.Layouts;

/// <summary>What the layout editor's preview puts in a layout: a body with what drafts usually hold.</summary>
public static class LayoutSample
{
    public const string Subject = "A message from {{ foundation.name }}";

    public const string Body = """
        <h1>A heading</h1>
        <p>Dear {{ nonprofit.name }},</p>
        <p>This is where each email's own text goes. It can be <strong>bold</strong>, <em>italic</em> or a <a href="https://example.org">link</a>,
        and run long enough to wrap on a phone's narrow screen without making it scroll sideways.</p>
        <ul><li>A first point</li><li>A second point</li></ul>
        <blockquote>A quotation from a report.</blockquote>
        <p data-email-button="" style="margin:24px 0"><a href="https://example.org" class="button" style="display:inline-block;padding:12px 24px;background-color:#2e5e4e;color:#ffffff;font-weight:bold;text-decoration:none;border-radius:4px">A button</a></p>
        <p>With our best wishes,<br>{{ sender.name }}</p>
        """;
}
