using System.Security.Cryptography;
using NonprofitPortal.Features.Campaigns.Tokens;

namespace NonprofitPortal.Tests.Features.Campaigns.Tokens;

public sealed class SendTokensTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    private readonly SendTokens _tokens = new(Key);

    [Theory]
    [InlineData(1L, 28)]
    [InlineData(255L, 28)]
    [InlineData(256L, 29)]
    [InlineData(4_294_967_295L, 32)]
    [InlineData(long.MaxValue, 39)]
    [InlineData(0L, 28)]
    [InlineData(-1L, 39)]
    public void A_token_reads_back_as_the_send_it_was_made_for_and_is_short_lower_case_base32(long sendId, int length)
    {
        var token = _tokens.Create(SendTokenPurpose.Unsubscribe, sendId);

        Assert.True(_tokens.TryRead(SendTokenPurpose.Unsubscribe, token, out var read));
        Assert.Equal(sendId, read);
        Assert.Matches("^[a-z2-7]+$", token);
        Assert.Equal(length, token.Length);
    }

    [Fact]
    public void A_token_made_for_one_purpose_is_refused_for_every_other()
    {
        var purposes = Enum.GetValues<SendTokenPurpose>();

        var accepted = from made in purposes
                       from readAs in purposes
                       where _tokens.TryRead(readAs, _tokens.Create(made, 4242), out _)
                       select (made, readAs);

        Assert.Equal(purposes.Select(p => (p, p)), accepted);
    }

    [Fact]
    public void A_token_with_any_one_character_changed_is_refused()
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        var token = _tokens.Create(SendTokenPurpose.ReturnPath, 987_654);

        var accepted = new List<string>();
        for (var position = 0; position < token.Length; position++)
        {
            foreach (var other in alphabet.Where(c => c != token[position]))
            {
                var changed = string.Concat(token.AsSpan(0, position), [other], token.AsSpan(position + 1));
                if (_tokens.TryRead(SendTokenPurpose.ReturnPath, changed, out _))
                {
                    accepted.Add(changed);
                }
            }
        }

        Assert.Empty(accepted);
    }

    [Fact]
    public void A_token_whose_mac_was_made_with_another_key_or_made_up_is_refused()
    {
        var otherKey = new SendTokens(RandomNumberGenerator.GetBytes(32)).Create(SendTokenPurpose.Unsubscribe, 77);
        var ours = _tokens.Create(SendTokenPurpose.Unsubscribe, 77);
        var madeUp = LowerBase32.Encode([77, .. RandomNumberGenerator.GetBytes(16)]);

        Assert.NotEqual(ours, otherKey);
        Assert.False(_tokens.TryRead(SendTokenPurpose.Unsubscribe, otherKey, out _));
        Assert.False(_tokens.TryRead(SendTokenPurpose.Unsubscribe, madeUp, out _));
    }

    [Fact]
    public void Tokens_made_in_turn_with_two_keys_on_one_thread_each_carry_the_mac_of_their_own_key()
    {
        var otherKey = RandomNumberGenerator.GetBytes(32);
        var other = new SendTokens(otherKey);

        string[] made = [_tokens.Create(SendTokenPurpose.Unsubscribe, 77), other.Create(SendTokenPurpose.Unsubscribe, 77), _tokens.Create(SendTokenPurpose.Unsubscribe, 77)];

        Assert.Equal([TokenMadeAfresh(Key, 77), TokenMadeAfresh(otherKey, 77), TokenMadeAfresh(Key, 77)], made);
    }

    [Fact]
    public void A_token_reads_the_same_in_upper_or_mixed_case_as_a_relay_may_rewrite_an_address()
    {
        var token = _tokens.Create(SendTokenPurpose.ReturnPath, 31_337);
        var mixed = string.Concat(token.Select((c, i) => i % 2 == 0 ? char.ToUpperInvariant(c) : c));

        Assert.True(_tokens.TryRead(SendTokenPurpose.ReturnPath, token.ToUpperInvariant(), out var fromUpper));
        Assert.True(_tokens.TryRead(SendTokenPurpose.ReturnPath, mixed, out var fromMixed));
        Assert.Equal((31_337L, 31_337L), (fromUpper, fromMixed));
    }

    [Theory]
    [InlineData("")]
    [InlineData("preview")]
    [InlineData("CfDJ8Kx2m4Vd9Q-_fake-data-protection-payload_looks_like_this")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("bounces+abc@example.org")]
    public void Text_that_is_no_token_is_refused(string text)
    {
        Assert.False(_tokens.TryRead(SendTokenPurpose.Unsubscribe, text, out var sendId));
        Assert.Equal(0, sendId);
    }

    [Fact]
    public void An_id_written_with_a_leading_zero_byte_is_refused_so_each_send_has_one_token_per_purpose()
    {
        var token = _tokens.Create(SendTokenPurpose.Unsubscribe, 200);
        Span<byte> bytes = stackalloc byte[17];
        Assert.True(LowerBase32.TryDecode(token, bytes, out var length));
        var padded = LowerBase32.Encode([0, .. bytes[..length]]);

        Assert.False(_tokens.TryRead(SendTokenPurpose.Unsubscribe, padded, out _));
    }

    [Theory]
    [InlineData(1L, 0)]
    [InlineData(987_654_321L, 42)]
    [InlineData(long.MaxValue, SendTokens.MaxLinkIndex)]
    public void A_link_token_reads_back_as_its_send_and_link(long sendId, int linkIndex)
    {
        Assert.True(_tokens.TryReadLink(_tokens.CreateLink(sendId, linkIndex), out var readSend, out var readLink));
        Assert.Equal((sendId, linkIndex), (readSend, readLink));
    }

    [Fact]
    public void A_link_token_names_one_link_of_one_send_and_no_other_purpose_takes_it()
    {
        var link = _tokens.CreateLink(500, 3);
        var open = _tokens.Create(SendTokenPurpose.Tracking, 500);

        Assert.NotEqual(_tokens.CreateLink(500, 4), link);
        Assert.NotEqual(_tokens.CreateLink(501, 3), link);
        Assert.False(_tokens.TryRead(SendTokenPurpose.Tracking, link, out _));
        Assert.False(_tokens.TryRead(SendTokenPurpose.TrackedLink, link, out _));
        Assert.False(_tokens.TryReadLink(open, out _, out _));
        Assert.True(_tokens.TryRead(SendTokenPurpose.Tracking, open, out var opened));
        Assert.Equal(500, opened);
    }

    [Fact]
    public void A_link_token_with_its_link_changed_is_refused()
    {
        var token = _tokens.CreateLink(77, 1);
        Span<byte> bytes = stackalloc byte[26];
        Assert.True(LowerBase32.TryDecode(token, bytes, out var length));
        bytes[2] ^= 1;

        Assert.False(_tokens.TryReadLink(LowerBase32.Encode(bytes[..length]), out _, out _));
    }

    /// <summary>The id byte, then the first 16 bytes of HMAC-SHA256 over (purpose, id as 8 bytes), from a MAC set up for this token alone.</summary>
    private static string TokenMadeAfresh(byte[] key, byte sendId)
    {
        var mac = HMACSHA256.HashData(key, new byte[] { (byte)SendTokenPurpose.Unsubscribe, 0, 0, 0, 0, 0, 0, 0, sendId });
        return LowerBase32.Encode([sendId, .. mac[..16]]);
    }
}
