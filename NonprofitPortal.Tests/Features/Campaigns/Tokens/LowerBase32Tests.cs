using System.Text;
using NonprofitPortal.Features.Campaigns.Tokens;

namespace NonprofitPortal.Tests.Features.Campaigns.Tokens;

public sealed class LowerBase32Tests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("f", "my")]
    [InlineData("fo", "mzxq")]
    [InlineData("foo", "mzxw6")]
    [InlineData("foob", "mzxw6yq")]
    [InlineData("fooba", "mzxw6ytb")]
    [InlineData("foobar", "mzxw6ytboi")]
    public void Encodes_and_decodes_the_test_vectors_of_rfc_4648_in_lower_case_without_padding(string text, string base32)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        var decoded = new byte[bytes.Length];

        Assert.Equal(base32, LowerBase32.Encode(bytes));
        Assert.True(LowerBase32.TryDecode(base32.ToUpperInvariant(), decoded, out var length));
        Assert.Equal(bytes, decoded[..length]);
    }

    [Theory]
    [InlineData("mz")]
    [InlineData("m")]
    [InlineData("mzx")]
    [InlineData("my=")]
    [InlineData("m1")]
    public void Refuses_stray_trailing_bits_impossible_lengths_and_characters_outside_the_alphabet(string base32)
    {
        Assert.False(LowerBase32.TryDecode(base32, new byte[8], out _));
    }

    [Fact]
    public void Refuses_text_longer_than_the_destination()
    {
        Assert.False(LowerBase32.TryDecode("mzxw6ytboi", new byte[5], out _));
    }
}
