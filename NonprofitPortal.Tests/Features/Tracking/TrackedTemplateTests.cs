using NonprofitPortal.Features.Drafts.Templates;
using NonprofitPortal.Features.Tracking;

namespace NonprofitPortal.Tests.Features.Tracking;

public sealed class TrackedTemplateTests
{
    private static readonly Uri Portal = new("https://portal.example.org/");

    [Fact]
    public void With_clicks_each_web_address_written_in_the_text_becomes_its_tracked_link_once_per_address()
    {
        var tracked = TrackedTemplate.Track(
            """<p><a href="https://a.example/x?y=1&amp;z=2">A</a> <a class="b" href='https://b.example/'>B</a> <a href="https://a.example/x?y=1&amp;z=2">A again</a></p>""",
            new TrackingChoice(Opens: false, Clicks: true), Portal);

        Assert.Equal(["https://a.example/x?y=1&z=2", "https://b.example/"], tracked.Links);
        Assert.Contains($"href=\"{TrackingValues.LinkCode(0, "https://a.example/x?y=1&z=2")}\"", tracked.Template, StringComparison.Ordinal);
        Assert.Contains($"href='{TrackingValues.LinkCode(1, "https://b.example/")}'", tracked.Template, StringComparison.Ordinal);
        Assert.DoesNotContain(TrackingValues.PixelCode, tracked.Template, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""<a href="{{ unsubscribe_url }}">Unsubscribe</a>""")]
    [InlineData("""<a href="{{ web_version_url }}">View online</a>""")]
    [InlineData("""<a href="https://portal.example.org/email/abc">Web version</a>""")]
    [InlineData("""<a href="mailto:grants@foundation.test">Write</a>""")]
    [InlineData("""<a href="#top">Top</a>""")]
    [InlineData("""<a href="/relative">Relative</a>""")]
    [InlineData("""<a href="https://a.example/{{ nonprofit.email }}">Personal</a>""")]
    public void Links_made_by_template_code_or_not_to_another_web_site_stay_as_written(string template)
    {
        var tracked = TrackedTemplate.Track(template, new TrackingChoice(Opens: false, Clicks: true), Portal);

        Assert.Equal(template, tracked.Template);
        Assert.Empty(tracked.Links);
    }

    [Fact]
    public void With_opens_the_pixel_goes_before_the_end_of_the_body_and_links_stay_without_clicks()
    {
        var template = """<html><body><a href="https://a.example/">A</a></body></html>""";

        var tracked = TrackedTemplate.Track(template, new TrackingChoice(Opens: true, Clicks: false), Portal);

        Assert.Equal($"""<html><body><a href="https://a.example/">A</a>{TrackingValues.PixelCode}</body></html>""", tracked.Template);
        Assert.Empty(tracked.Links);
    }

    [Fact]
    public void Without_tracking_the_template_is_unchanged()
    {
        var template = """<body><a href="https://a.example/">A</a></body>""";

        Assert.Equal(new TrackedTemplate(template, []).Template, TrackedTemplate.Track(template, TrackingChoice.None, Portal).Template);
    }

    [Fact]
    public void A_tracked_link_redirects_only_to_an_absolute_web_address_stored_at_launch()
    {
        Assert.Equal(new Uri("https://grants.example.org/spring"), TrackingRules.RedirectTarget("https://grants.example.org/spring"));
        Assert.Null(TrackingRules.RedirectTarget("javascript:alert(1)"));
        Assert.Null(TrackingRules.RedirectTarget("/relative"));
        Assert.Null(TrackingRules.RedirectTarget(null));
    }
}
