using NonprofitPortal.Features.Media;

namespace NonprofitPortal.Tests.Features.Media;

public sealed class MediaRulesTests
{
    private const long Limit = 2 * 1024 * 1024;

    [Theory]
    [InlineData(MediaSamples.Png, ImageFormats.Png)]
    [InlineData(MediaSamples.Jpeg, ImageFormats.Jpeg)]
    [InlineData(MediaSamples.Gif, ImageFormats.Gif)]
    [InlineData(MediaSamples.WebP, ImageFormats.WebP)]
    public void An_image_is_known_by_its_content(string sample, string contentType)
    {
        Assert.Equal((contentType, null), MediaRules.CheckImage(MediaSamples.Read(sample), Limit));
    }

    [Theory]
    [InlineData(MediaSamples.Svg)]
    [InlineData(MediaSamples.PageNamedAsImage)]
    public void An_svg_or_a_page_named_as_an_image_is_refused(string sample)
    {
        var (contentType, problem) = MediaRules.CheckImage(MediaSamples.Read(sample), Limit);

        Assert.Null(contentType);
        Assert.StartsWith("Only PNG, JPEG, GIF and WebP images can be uploaded", problem, StringComparison.Ordinal);
        Assert.Contains("SVG is refused", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_over_the_limit_is_refused_naming_the_limit_and_its_key()
    {
        var png = MediaSamples.Read(MediaSamples.Png);

        Assert.Equal((ImageFormats.Png, null), MediaRules.CheckImage(png, png.Length));
        var (_, problem) = MediaRules.CheckImage(png, png.Length - 1);
        Assert.Equal($"The image is larger than {png.Length - 1} bytes, the most an image may be (Media:MaxImageBytes). Make it smaller and upload it again.", problem);
        Assert.Equal("The file is empty.", MediaRules.CheckImage([], Limit).Problem);
    }

    [Theory]
    [InlineData("Grant Round 2027 (final).PNG", ImageFormats.Jpeg, "grant-round-2027-final.jpg")]
    [InlineData("../../etc/passwd", ImageFormats.Png, "passwd.png")]
    [InlineData(@"C:\Users\ana\Café logo.webp", ImageFormats.WebP, "cafe-logo.webp")]
    [InlineData("<script>.gif", ImageFormats.Gif, "script.gif")]
    [InlineData("", ImageFormats.Png, "image.png")]
    [InlineData("...", ImageFormats.Png, "image.png")]
    public void A_file_keeps_a_name_safe_in_an_address_with_the_extension_of_its_real_type(string uploaded, string contentType, string kept)
    {
        Assert.Equal(kept, MediaRules.FileName(uploaded, contentType));
    }

    [Fact]
    public void A_long_name_is_cut_to_fit_and_keeps_its_extension()
    {
        var name = MediaRules.FileName(new string('a', 500) + ".png", ImageFormats.Png);

        Assert.Equal(MediaRules.MaxNameLength, name.Length);
        Assert.EndsWith("aaa.png", name, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_a_campaign_shows_is_kept_and_one_only_drafts_show_may_go_with_a_warning()
    {
        Assert.Contains("it is kept", MediaRules.DeleteProblem(new MediaUsage(1, 0, 0, 0)), StringComparison.Ordinal);
        Assert.Null(MediaRules.DeleteProblem(new MediaUsage(0, 2, 1, 3)));
        Assert.Equal(" 2 drafts and 1 layout use it: where it is an image it shows broken until it is taken out, where it is attached it is dropped.", MediaRules.DeleteWarning(new MediaUsage(0, 2, 1, 0)));
        Assert.Equal(" 1 draft, 2 layouts and 3 templates use it: where it is an image it shows broken until it is taken out, where it is attached it is dropped.", MediaRules.DeleteWarning(new MediaUsage(0, 1, 2, 3)));
        Assert.Equal(" 1 template uses it: where it is an image it shows broken until it is taken out, where it is attached it is dropped.", MediaRules.DeleteWarning(new MediaUsage(0, 0, 0, 1)));
        Assert.Equal("", MediaRules.DeleteWarning(MediaUsage.None));
    }
}
