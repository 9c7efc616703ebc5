using Microsoft.Extensions.Options;
using NonprofitPortal.Features.Bounces.Parsing;
using NonprofitPortal.Features.Campaigns.Tokens;

namespace NonprofitPortal.Features.Bounces;

/// <summary>
/// Per-message return paths (VERP): <c>bounces+&lt;token&gt;@&lt;Bounces:ReturnPathDomain&gt;</c>,
/// the token naming the send (a <see cref="SendTokens"/> token, in lower case so that servers that
/// fold the local part do not spoil it). A bounce sent to one says which send failed, whatever the
/// relay did to the headers.
/// </summary>
public sealed class ReturnPaths(SendTokens tokens, IOptions<BounceOptions> options)
{
    /// <summary>The envelope sender for a send; null when <c>Bounces:ReturnPathDomain</c> is not set.</summary>
    public string? For(long sendId) =>
        options.Value.ReturnPathDomain is { Length: > 0 } domain
            ? $"{BounceMessageParser.VerpPrefix}{tokens.Create(SendTokenPurpose.ReturnPath, sendId)}@{domain}"
            : null;

    /// <summary>
    /// The send a return path names, whatever its domain (the token alone cannot be forged, and a
    /// domain changed since still finds its bounces); null for any other address.
    /// </summary>
    public long? SendIdFrom(string address)
    {
        var at = address.LastIndexOf('@');
        if (at <= BounceMessageParser.VerpPrefix.Length || !address.StartsWith(BounceMessageParser.VerpPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = address[BounceMessageParser.VerpPrefix.Length..at];
        return tokens.TryRead(SendTokenPurpose.ReturnPath, token, out var sendId) ? sendId : null;
    }
}
