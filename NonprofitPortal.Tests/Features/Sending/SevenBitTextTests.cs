using System.Text;
using MimeKit;
using MimeKit.IO.Filters;
using NonprofitPortal.Features.Sending;

namespace NonprofitPortal.Tests.Features.Sending;

/// <summary>The composer trusts this rule instead of MimeKit's scan before sending: it must never call 7bit what MimeKit would not.</summary>
public sealed class SevenBitTextTests
{
    public static TheoryData<string, bool> Texts => new()
    {
        { "Dear Harbour Trust,\nThe spring round opens on the first.\n", true },
        { "Dear Harbour Trust,\r\nWindows line ends.\r\n", true },
        { "", true },
        { new string('x', 998) + "\n", true },
        { new string('x', 998) + "\r\n", true },
        { new string('x', 999) + "\n", false },
        { new string('x', 998) + "\r", false },
        { "short\n" + new string('x', 999), false },
        { "Dear Café Zoë,\n", false },
        { "a NUL \0 inside\n", false },
        { "From the foundation:\nnews\n", false },
        { "Hello\nFrom the foundation:\nnews\n", false },
        { "Hello\n From the foundation\n", true },
        { "Frome is a town\n", true },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void A_text_is_sent_as_it_is_only_when_it_is_ascii_without_nul_long_lines_or_mbox_from_lines(string text, bool sevenBit)
    {
        Assert.Equal(sevenBit, SevenBitText.Fits(text));
        Assert.Equal(sevenBit, MimeKitSendsItSevenBit(text));
    }

    [Fact]
    public void A_last_line_starting_from_without_a_line_end_is_quoted_printable_although_mimekit_would_not_mind()
    {
        Assert.False(SevenBitText.Fits("Hello\nFrom us"));
        Assert.True(MimeKitSendsItSevenBit("Hello\nFrom us"));
    }

    private static bool MimeKitSendsItSevenBit(string text)
    {
        var filter = new BestEncodingFilter();
        var bytes = Encoding.UTF8.GetBytes(text);
        filter.Flush(bytes, 0, bytes.Length, out _, out _);
        return filter.GetBestEncoding(EncodingConstraint.SevenBit, SevenBitText.MaxLineLength) == ContentEncoding.SevenBit;
    }
}
