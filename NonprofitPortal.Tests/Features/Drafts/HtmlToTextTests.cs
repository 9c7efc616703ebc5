using NonprofitPortal.Features.Drafts.Templates;

namespace NonprofitPortal.Tests.Features.Drafts;

public sealed class HtmlToTextTests
{
    [Theory]
    [InlineData("<HEAD><Title>x</TITLE></head><p>Body</p>", "Body")]
    [InlineData("<html><head><style>p{}</style></Head>Kept</html>", "Kept")]
    [InlineData("<SCRIPT type=\"a\">alert(1)</script >after", "after")]
    [InlineData("<script>never closed<p>text</p>", "never closed\ntext")]
    [InlineData("<style>a</script>b</style>c", "c")]
    [InlineData("<headline>Shown</headline>", "Shown")]
    [InlineData("<titles>Shown</titles>", "Shown")]
    [InlineData("a<!-- hidden -->b<!-- unclosed c", "ab<!-- unclosed c")]
    public void Head_style_script_title_and_comments_are_left_out_whatever_their_letter_case(string html, string text)
    {
        Assert.Equal(text, HtmlToText.Convert(html));
    }
}
