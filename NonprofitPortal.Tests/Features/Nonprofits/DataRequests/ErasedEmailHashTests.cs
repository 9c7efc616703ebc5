using System.Security.Cryptography;
using System.Text;
using NonprofitPortal.Features.Nonprofits.DataRequests;

namespace NonprofitPortal.Tests.Features.Nonprofits.DataRequests;

public sealed class ErasedEmailHashTests
{
    private static readonly byte[] Key = Encoding.ASCII.GetBytes("a key of thirty-two bytes, say..");

    [Fact]
    public void The_hash_is_hmac_sha256_of_the_trimmed_lower_cased_address_in_lower_case_hex() =>
        Assert.Equal(
            Convert.ToHexStringLower(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes("info@trust.example"))),
            ErasedEmailHash.Of(Key, "  Info@Trust.EXAMPLE "));

    [Fact]
    public void The_same_address_hashes_alike_however_it_is_typed_and_another_key_gives_another_hash()
    {
        var hash = ErasedEmailHash.Of(Key, "info@trust.example");

        Assert.Equal(hash, ErasedEmailHash.Of(Key, "INFO@trust.example"));
        Assert.Equal(ErasedEmailHash.HexLength, hash.Length);
        Assert.NotEqual(hash, ErasedEmailHash.Of(Encoding.ASCII.GetBytes("another key of thirty-two bytes."), "info@trust.example"));
        Assert.NotEqual(hash, ErasedEmailHash.Of(Key, "info2@trust.example"));
    }
}
