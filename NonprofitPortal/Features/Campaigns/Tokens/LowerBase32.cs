namespace NonprofitPortal.Features.Campaigns.Tokens;

/// <summary>
/// RFC 4648 base32 without padding, written in lower case and read in either case: safe in URL paths
/// and in e-mail local parts, which some relays lower-case. Reading is strict (no stray trailing bits,
/// no impossible length), so that only the text <see cref="Encode"/> writes reads back as those bytes.
/// </summary>
internal static class LowerBase32
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    private static int EncodedLength(int byteCount) => (byteCount * 8 + 4) / 5;

    public static string Encode(ReadOnlySpan<byte> bytes) => string.Create(EncodedLength(bytes.Length), bytes, static (text, bytes) =>
    {
        var buffer = 0;
        var bits = 0;
        var written = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                text[written++] = Alphabet[buffer >> bits];
                buffer &= (1 << bits) - 1;
            }
        }

        if (bits > 0)
        {
            text[written] = Alphabet[buffer << (5 - bits)];
        }
    });

    /// <returns>False when <paramref name="text"/> is not base32 as <see cref="Encode"/> writes it, or decodes to more than <paramref name="destination"/> holds.</returns>
    public static bool TryDecode(ReadOnlySpan<char> text, Span<byte> destination, out int length)
    {
        length = 0;
        var buffer = 0;
        var bits = 0;
        foreach (var c in text)
        {
            var value = c switch
            {
                >= 'a' and <= 'z' => c - 'a',
                >= 'A' and <= 'Z' => c - 'A',
                >= '2' and <= '7' => c - '2' + 26,
                _ => -1,
            };
            if (value < 0)
            {
                return false;
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                if (length == destination.Length)
                {
                    return false;
                }

                bits -= 8;
                destination[length++] = (byte)(buffer >> bits);
                buffer &= (1 << bits) - 1;
            }
        }

        // What Encode leaves after the last byte: fewer bits than a character, all zero.
        return bits < 5 && buffer == 0;
    }
}
