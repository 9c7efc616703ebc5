using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;

namespace NonprofitPortal.Features.Campaigns.Tokens;

/// <summary>
/// The short token that names one send in the links and addresses of its message (unsubscribe, web
/// version, VERP return path, tracking): the send id, then an HMAC-SHA256 of (purpose, id) cut to 16
/// bytes, in lower-case base32 (28 to 39 characters). A tracked link's token also carries the link's
/// index, two bytes between the id and the MAC, and signs it with them. It cannot be forged, nor moved
/// to another purpose or link, without the key, which the first node makes and keeps in the database,
/// so every node accepts every node's tokens. The id itself is readable: tokens are not secrets.
/// </summary>
public sealed class SendTokens
{
    public const string KeyName = "send-tokens";

    /// <summary>The most links of one message a token can name.</summary>
    public const int MaxLinkIndex = ushort.MaxValue;

    private const int KeyBytes = 32;
    private const int MacBytes = 16;
    private const int LinkIndexBytes = sizeof(ushort);
    private const int MaxTokenBytes = sizeof(long) + LinkIndexBytes + MacBytes;

    // Read from the database on first use, then with no lock. PublicationOnly: a database that cannot
    // be reached is not remembered as a failure; the next call tries again.
    private readonly Lazy<byte[]> _key;

    // One HMAC per thread, kept and reset after each token: HMACSHA256.HashData sets OpenSSL's MAC
    // up from the key on every call, which costs twice the hash itself (about 3.6 µs against 1.2).
    [ThreadStatic]
    private static KeyedMac? _threadMac;

    public SendTokens(SigningKeys signingKeys) =>
        _key = new Lazy<byte[]>(() => signingKeys.GetOrCreate(KeyName, KeyBytes), LazyThreadSafetyMode.PublicationOnly);

    internal SendTokens(byte[] key) => _key = new Lazy<byte[]>(key);

    public string Create(SendTokenPurpose purpose, long sendId) => Create(purpose, sendId, []);

    /// <returns>True, with the send's id, when <paramref name="token"/> was made by <see cref="Create(SendTokenPurpose, long)"/> for this purpose (in any letter case).</returns>
    public bool TryRead(SendTokenPurpose purpose, string token, out long sendId) => TryRead(purpose, token, [], out sendId);

    /// <summary>The token of link number <paramref name="linkIndex"/> (0 to <see cref="MaxLinkIndex"/>) in the message of send <paramref name="sendId"/>.</summary>
    public string CreateLink(long sendId, int linkIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(linkIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(linkIndex, MaxLinkIndex);
        Span<byte> index = stackalloc byte[LinkIndexBytes];
        BinaryPrimitives.WriteUInt16BigEndian(index, (ushort)linkIndex);
        return Create(SendTokenPurpose.TrackedLink, sendId, index);
    }

    /// <returns>True, with the send and the link, when <paramref name="token"/> was made by <see cref="CreateLink"/>.</returns>
    public bool TryReadLink(string token, out long sendId, out int linkIndex)
    {
        Span<byte> index = stackalloc byte[LinkIndexBytes];
        var read = TryRead(SendTokenPurpose.TrackedLink, token, index, out sendId);
        linkIndex = read ? BinaryPrimitives.ReadUInt16BigEndian(index) : 0;
        return read;
    }

    private string Create(SendTokenPurpose purpose, long sendId, ReadOnlySpan<byte> extra)
    {
        Span<byte> token = stackalloc byte[MaxTokenBytes];
        BinaryPrimitives.WriteInt64BigEndian(token, sendId);
        // The id without its leading zero bytes (one byte at least): shorter links for the ids there are.
        var leadingZeros = Math.Min(BitOperations.LeadingZeroCount((ulong)sendId) / 8, sizeof(long) - 1);
        var idLength = sizeof(long) - leadingZeros;
        token = token[leadingZeros..(sizeof(long) + extra.Length + MacBytes)];
        extra.CopyTo(token[idLength..]);
        WriteMac(purpose, sendId, extra, token[(idLength + extra.Length)..]);
        return LowerBase32.Encode(token);
    }

    /// <param name="extra">Receives the bytes signed after the id (as many as it holds); untouched when the token is refused.</param>
    private bool TryRead(SendTokenPurpose purpose, string token, Span<byte> extra, out long sendId)
    {
        sendId = 0;
        Span<byte> bytes = stackalloc byte[MaxTokenBytes];
        if (!LowerBase32.TryDecode(token, bytes, out var length) || length <= extra.Length + MacBytes)
        {
            return false;
        }

        var idLength = length - extra.Length - MacBytes;
        var id = bytes[..idLength];
        if (idLength > sizeof(long) || (idLength > 1 && id[0] == 0))
        {
            // Not how Create writes an id: each send has exactly one token per purpose (and link).
            return false;
        }

        var candidate = 0UL;
        foreach (var b in id)
        {
            candidate = (candidate << 8) | b;
        }

        var signedExtra = bytes.Slice(idLength, extra.Length);
        Span<byte> expected = stackalloc byte[MacBytes];
        WriteMac(purpose, (long)candidate, signedExtra, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes[(idLength + extra.Length)..length]))
        {
            return false;
        }

        signedExtra.CopyTo(extra);
        sendId = (long)candidate;
        return true;
    }

    private void WriteMac(SendTokenPurpose purpose, long sendId, ReadOnlySpan<byte> extra, Span<byte> destination)
    {
        Span<byte> signed = stackalloc byte[1 + sizeof(long) + LinkIndexBytes];
        signed[0] = (byte)purpose;
        BinaryPrimitives.WriteInt64BigEndian(signed[1..], sendId);
        extra.CopyTo(signed[(1 + sizeof(long))..]);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        var hmac = MacOfThisThread();
        hmac.AppendData(signed[..(1 + sizeof(long) + extra.Length)]);
        hmac.GetHashAndReset(mac);
        mac[..MacBytes].CopyTo(destination);
    }

    private IncrementalHash MacOfThisThread()
    {
        var key = _key.Value;
        if (_threadMac is not { } mac || !ReferenceEquals(mac.Key, key))
        {
            _threadMac?.Hash.Dispose();
            _threadMac = mac = new KeyedMac(key, IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key));
        }

        return mac.Hash;
    }

    private sealed record KeyedMac(byte[] Key, IncrementalHash Hash);
}
