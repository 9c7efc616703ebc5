using Microsoft.Extensions.Options;
using NonprofitPortal.Features.Operations;

namespace NonprofitPortal.Tests.Features.Operations;

public sealed class PublicAddressTests
{
    [Theory]
    [InlineData("https://portal.example.org", "unsubscribe/AbC-_1.x~")]
    [InlineData("https://portal.example.org/", "t/o/Zm9vYmFy")]
    [InlineData("https://Portal.Example.org/grants", "unsubscribe/abc")]
    [InlineData("https://portal.example.org:8443/grants/", "v/abc")]
    [InlineData("https://portal.example.org/", "campaigns/5?tab=log")]
    [InlineData("https://portal.example.org/", "media/7/annual report.pdf")]
    [InlineData("https://portal.example.org/", "media/7/rapport-été.pdf")]
    [InlineData("https://portal.example.org/grants/", "../outside")]
    [InlineData("https://portal.example.org/grants/", "a/./b")]
    [InlineData("https://portal.example.org/grants/", "/from-the-root")]
    [InlineData("https://portal.example.org/?source=mail", "unsubscribe/abc")]
    [InlineData("https://portal.example.org/#top", "unsubscribe/abc")]
    public void A_link_is_the_text_a_uri_resolved_against_the_public_url_gives(string publicUrl, string relative)
    {
        var address = new PublicAddress(Options.Create(new AppOptions { PublicUrl = new Uri(publicUrl) }), null!);

        Assert.Equal(new Uri(address.Base, relative).AbsoluteUri, address.Link(relative));
    }

    [Theory]
    [InlineData("unsubscribe/AbC-_1.x~", true)]
    [InlineData("t/o/Zm9vYmFy", true)]
    [InlineData("v/a.b", true)]
    [InlineData("", false)]
    [InlineData("/root", false)]
    [InlineData("a/../b", false)]
    [InlineData("..", false)]
    [InlineData("a/.", false)]
    [InlineData("a b", false)]
    [InlineData("a?b", false)]
    [InlineData("a%20b", false)]
    [InlineData("é", false)]
    public void Only_a_relative_path_with_nothing_to_escape_or_resolve_is_appended_as_it_is(string relative, bool plain)
    {
        Assert.Equal(plain, PublicAddress.IsPlainPath(relative));
    }
}
