using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;

namespace NonprofitPortal.Features.Campaigns.Tokens;

/// <summary>
/// The short token that names one send in the links and addresses of its message (unsubscribe, web
/// version, VERP return path, tracking): the send id, then an HMAC-SHA256 of (purpose, id) cut to 16
/// bytes, in lower-case base32 (28 to 39 characters). It cannot be forged, nor moved to another
/// purpose, without the key, which the first node makes and keeps in the database, so every node
/// accepts every node's tokens. The id itself is readable: tokens are not secrets.
/// </summary>
public sealed class SendTokens
{
    public const string KeyName = "send-tokens";

    private const int KeyBytes = 32;
    private const int MacBytes = 16;
    private const int MaxTokenBytes = sizeof(long) + MacBytes;

    // Read from the database on first use, then with no lock. PublicationOnly: a database that cannot
    // be reached is not remembered as a failure; the next call tries again.
    private readonly Lazy<byte[]> _key;

    public SendTokens(SigningKeys signingKeys) =>
        _key = new Lazy<byte[]>(() => signingKeys.GetOrCreate(KeyName, KeyBytes), LazyThreadSafetyMode.PublicationOnly);

    internal SendTokens(byte[] key) => _key = new Lazy<byte[]>(key);

    public string Create(SendTokenPurpose purpose, long sendId)
    {
        Span<byte> token = stackalloc byte[MaxTokenBytes];
        BinaryPrimitives.WriteInt64BigEndian(token, sendId);
        // The id without its leading zero bytes (one byte at least): shorter links for the ids there are.
        var leadingZeros = Math.Min(BitOperations.LeadingZeroCount((ulong)sendId) / 8, sizeof(long) - 1);
        token = token[leadingZeros..];
        var idLength = sizeof(long) - leadingZeros;
        WriteMac(purpose, sendId, token[idLength..]);
        return LowerBase32.Encode(token);
    }

    /// <returns>True, with the send's id, when <paramref name="token"/> was made by <see cref="Create"/> for this purpose (in any letter case).</returns>
    public bool TryRead(SendTokenPurpose purpose, string token, out long sendId)
    {
        sendId = 0;
        Span<byte> bytes = stackalloc byte[MaxTokenBytes];
        if (!LowerBase32.TryDecode(token, bytes, out var length) || length <= MacBytes)
        {
            return false;
        }

        var id = bytes[..(length - MacBytes)];
        if (id.Length > 1 && id[0] == 0)
        {
            // Not how Create writes an id: each send has exactly one token per purpose.
            return false;
        }

        var candidate = 0UL;
        foreach (var b in id)
        {
            candidate = (candidate << 8) | b;
        }

        Span<byte> expected = stackalloc byte[MacBytes];
        WriteMac(purpose, (long)candidate, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes[id.Length..length]))
        {
            return false;
        }

        sendId = (long)candidate;
        return true;
    }

    private void WriteMac(SendTokenPurpose purpose, long sendId, Span<byte> destination)
    {
        Span<byte> signed = stackalloc byte[1 + sizeof(long)];
        signed[0] = (byte)purpose;
        BinaryPrimitives.WriteInt64BigEndian(signed[1..], sendId);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key.Value, signed, mac);
        mac[..MacBytes].CopyTo(destination);
    }
}
