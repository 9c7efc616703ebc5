using System.Security.Cryptography;
using System.Text;

namespace NonprofitPortal.Features.Nonprofits.DataRequests;

/// <summary>
/// The keyed hash of an erased address: HMAC-SHA256 of the trimmed, lower-cased address. Keyed, so
/// that whoever reads the suppression list cannot test guessed addresses without the key as well.
/// </summary>
public static class ErasedEmailHash
{
    public const int HexLength = 64;

    public static string Of(byte[] key, string email) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(NonprofitRules.NormalizeEmail(email))));
}
