using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace NonprofitPortal.Features.Campaigns.Unsubscribe;

/// <summary>
/// Reads the unsubscribe links of mail sent before <see cref="Tokens.SendTokens"/>: the send id
/// (8 bytes, big-endian) protected with Data Protection, in base64url. Nothing makes them any more;
/// they keep working as long as the Data Protection keys that made them are kept.
/// </summary>
public sealed class LegacyUnsubscribeLinks(IDataProtectionProvider dataProtection)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("NonprofitPortal.Unsubscribe.v1");

    /// <summary>The send the link was made for; null when it is not one of ours.</summary>
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
