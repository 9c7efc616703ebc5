using System.Security.Cryptography;

namespace NonprofitPortal.Features.Sending.Dkim;

/// <summary>Reads a configured DKIM key, from its file or its PEM text, saying plainly what is wrong with it.</summary>
internal static class DkimKeys
{
    /// <summary>DKIM verifiers refuse shorter keys (RFC 8301).</summary>
    public const int MinimumBits = 1024;

    public const int RecommendedBits = 2048;

    /// <param name="key">Where the key is configured, e.g. <c>Mail:Dkim:Keys:0</c>: every problem names it.</param>
    /// <returns>The private key, or why there is none.</returns>
    public static (RSA? Key, string? Problem) Load(string key, DkimKeyOptions options, string contentRoot)
    {
        var hasPath = !string.IsNullOrWhiteSpace(options.PrivateKeyPath);
        var hasPem = !string.IsNullOrWhiteSpace(options.PrivateKey);
        if (hasPath == hasPem)
        {
            return (null, hasPath
                ? $"{key} has both PrivateKeyPath and PrivateKey; give only one."
                : $"{key} needs the private key: PrivateKeyPath (a PEM file) or PrivateKey (the PEM text).");
        }

        string pem;
        var source = $"{key}:PrivateKey";
        if (hasPath)
        {
            var path = Path.GetFullPath(options.PrivateKeyPath!, contentRoot);
            source = $"{key}:PrivateKeyPath ({path})";
            try
            {
                pem = File.ReadAllText(path);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return (null, $"{source} cannot be read: {exception.Message}");
            }
        }
        else
        {
            pem = options.PrivateKey!;
        }

        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            // A public key imports too, but cannot sign.
            rsa.ExportParameters(includePrivateParameters: true);
        }
        catch (Exception exception) when (exception is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            return (null, $"{source} is not an unencrypted RSA private key in PEM (\"-----BEGIN PRIVATE KEY-----\" or \"-----BEGIN RSA PRIVATE KEY-----\"): {exception.Message}");
        }

        if (rsa.KeySize < MinimumBits)
        {
            rsa.Dispose();
            return (null, $"{source} has {rsa.KeySize} bits; DKIM needs at least {MinimumBits} and {RecommendedBits} are recommended (openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:{RecommendedBits}).");
        }

        return (rsa, null);
    }
}
