using System.Text.RegularExpressions;

namespace NonprofitPortal.Tests.Integration.Tracking;

/// <summary>The tracking addresses in a received message's HTML (the hosts' public address is <c>http://portal.test/</c>).</summary>
public static partial class TrackingAddresses
{
    /// <summary>The path of the message's open pixel.</summary>
    public static string Pixel(string html) => PathOf(PixelUrl().Match(html));

    /// <summary>The path of the message's first tracked link.</summary>
    public static string Link(string html) => PathOf(LinkUrl().Match(html));

    [GeneratedRegex(@"http://portal\.test/t/o/[a-z2-7]+")]
    public static partial Regex PixelUrl();

    [GeneratedRegex(@"http://portal\.test/t/c/[a-z2-7]+")]
    public static partial Regex LinkUrl();

    private static string PathOf(Match url)
    {
        Assert.True(url.Success, "The message has no such tracking address.");
        return new Uri(url.Value).AbsolutePath;
    }
}
