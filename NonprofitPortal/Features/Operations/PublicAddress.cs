using System.Buffers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace NonprofitPortal.Features.Operations;

/// <summary>The base of links in mail: <c>App:PublicUrl</c>, or else the first address the server listens on.</summary>
public sealed class PublicAddress(IOptions<AppOptions> options, IServer server)
{
    private static readonly Uri NotListeningYet = new("http://localhost/");

    // RFC 3986's unreserved characters and the path separator: nothing a Uri would escape or resolve.
    private static readonly SearchValues<char> PlainPathCharacters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/");

    private Resolved? _resolved;

    public Uri Base => (_resolved ??= Resolve())?.Uri ?? NotListeningYet;

    /// <summary>
    /// <paramref name="relative"/> resolved against <see cref="Base"/>. Every message makes a few of
    /// these, so a plain path (the tokens' links) is appended to the base's text instead of going
    /// through <see cref="Uri"/>, which gives the same text for it.
    /// </summary>
    public string Link(string relative)
    {
        var resolved = _resolved ??= Resolve();
        return resolved?.PlainText is { } plain && IsPlainPath(relative)
            ? string.Concat(plain, relative)
            : new Uri(resolved?.Uri ?? NotListeningYet, relative).AbsoluteUri;
    }

    /// <summary>Relative, with no character to escape and no "." or ".." segment to resolve.</summary>
    internal static bool IsPlainPath(ReadOnlySpan<char> relative)
    {
        if (relative.IsEmpty || relative[0] == '/' || relative.ContainsAnyExcept(PlainPathCharacters))
        {
            return false;
        }

        foreach (var segment in relative.Split('/'))
        {
            if (relative[segment] is "." or "..")
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Null before the server has bound its addresses: the answer is not kept until it has.</summary>
    private Resolved? Resolve()
    {
        var uri = options.Value.PublicUrl is { } configured ? WithSlash(configured) : Listening();
        return uri is null ? null : new Resolved(uri, uri.Query.Length == 0 && uri.Fragment.Length == 0 ? uri.AbsoluteUri : null);
    }

    private Uri? Listening()
    {
        var first = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return first is null ? null : WithSlash(new Uri(first.Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://localhost")));
    }

    // new Uri(base, "unsubscribe/x") drops the last path segment of a base without a trailing slash.
    private static Uri WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");

    /// <param name="PlainText">The base's text when a plain path can simply follow it (no query or fragment).</param>
    private sealed record Resolved(Uri Uri, string? PlainText);
}
