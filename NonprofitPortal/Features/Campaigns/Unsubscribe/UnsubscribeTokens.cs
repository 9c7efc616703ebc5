using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace NonprofitPortal.Features.Campaigns.Unsubscribe;

/// <summary>
/// The token in each message's unsubscribe link: the send's id, encrypted and signed with the
/// Data Protection keys (kept in the database, so every node reads every node's links).
/// It cannot be guessed from another recipient's link, nor forged.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider dataProtection)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("NonprofitPortal.Unsubscribe.v1");

    public string For(long sendId)
    {
        Span<byte> id = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(id, sendId);
        return WebEncoders.Base64UrlEncode(_protector.Protect(id.ToArray()));
    }

    /// <summary>The send the token was made for; null when it is not one of ours.</summary>
    public long? SendIdFrom(string token)
    {
        try
        {
            var id = _protector.Unprotect(WebEncoders.Base64UrlDecode(token));
            return id.Length == sizeof(long) ? BinaryPrimitives.ReadInt64BigEndian(id) : null;
        }
        catch (Exception exception) when (exception is FormatException or CryptographicException)
        {
            return null;
        }
    }
}
