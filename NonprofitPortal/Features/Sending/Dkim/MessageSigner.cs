using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Security;

namespace NonprofitPortal.Features.Sending.Dkim;

/// <summary>
/// Signs outgoing messages with DKIM (relaxed/relaxed, RSA-SHA256) when <c>Mail:Dkim:Keys</c>
/// has a key for the From address's domain; one signer per domain, built once.
/// </summary>
public sealed class MessageSigner
{
    /// <summary>SMTP's line limit, which MailKit also uses when it prepares a message.</summary>
    private const int MaxLineLength = 998;

    /// <summary>Signed when present: what a receiver shows or acts on, and what a forwarder must not change.</summary>
    private static readonly string[] SignedHeaders =
        ["From", "To", "Subject", "Date", "Message-ID", "List-Unsubscribe", "List-Unsubscribe-Post", "MIME-Version", "Content-Type"];

    private readonly FrozenDictionary<string, DkimSigner> _signers;

    public MessageSigner(IOptions<DkimOptions> options, IHostEnvironment environment, TimeProvider time)
    {
        _signers = options.Value.Keys
            .Select((key, i) => Create($"{DkimOptions.Section}:Keys:{i}", key, environment.ContentRootPath, time))
            .ToFrozenDictionary(signer => signer.Domain, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Signs the finished message when a key is configured for its From domain; anything changed
    /// afterwards (headers signed, the body) breaks the signature.
    /// </summary>
    public void Sign(MimeMessage message)
    {
        if (_signers.Count == 0 || message.From.Mailboxes.FirstOrDefault() is not { } from || !_signers.TryGetValue(from.Domain, out var signer))
        {
            return;
        }

        // MailKit prepares (re-encodes) a message only when it is not signed, so prepare it here, for
        // any server: 7-bit, which our quoted-printable and short-lined 7-bit parts already are.
        message.Prepare(EncodingConstraint.SevenBit, MaxLineLength);
        signer.Sign(FormatOptions.Default, message, SignedHeaders.Where(header => IsPresent(message, header)).ToArray());
    }

    private static bool IsPresent(MimeMessage message, string header) =>
        header.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)
            ? message.Body?.Headers.Contains(header) == true
            : message.Headers.Contains(header);

    private static DkimSigner Create(string key, DkimKeyOptions options, string contentRoot, TimeProvider time)
    {
        var (rsa, problem) = DkimKeys.Load(key, options, contentRoot);
        using (rsa)
        {
            var parameters = rsa?.ExportParameters(includePrivateParameters: true) ?? throw new InvalidOperationException(problem);
            return new NativeDkimSigner(parameters, options.Domain.Trim(), options.Selector.Trim(), time)
            {
                HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
                BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
            };
        }
    }

    /// <summary>
    /// MimeKit's signer with the RSA step done by .NET (<see cref="RsaSha256Signer"/>), one RSA
    /// object per thread (an instance is not documented as safe to share), and the signature's
    /// timestamp (<c>t=</c>) from the app's clock.
    /// </summary>
    private sealed class NativeDkimSigner(RSAParameters parameters, string domain, string selector, TimeProvider time)
        : DkimSigner(DotNetUtilities.GetRsaKeyPair(parameters).Private, domain, selector)
    {
        private readonly ThreadLocal<RSA> _keys = new(() => RSA.Create(parameters));

        protected override ISigner CreateSigningContext() => new RsaSha256Signer(_keys.Value!);

        protected override long GetTimestamp() => time.GetUtcNow().ToUnixTimeSeconds();
    }
}
