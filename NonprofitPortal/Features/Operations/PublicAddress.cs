using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace NonprofitPortal.Features.Operations;

/// <summary>The base of links in mail: <c>App:PublicUrl</c>, or else the first address the server listens on.</summary>
public sealed class PublicAddress(IOptions<AppOptions> options, IServer server)
{
    private static readonly Uri NotListeningYet = new("http://localhost/");

    private Uri? _listening;

    public Uri Base => options.Value.PublicUrl is { } configured ? WithSlash(configured) : (_listening ??= Listening()) ?? NotListeningYet;

    public string Link(string relative) => new Uri(Base, relative).AbsoluteUri;

    /// <summary>Null before the server has bound its addresses: the answer is not kept until it has.</summary>
    private Uri? Listening()
    {
        var first = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return first is null ? null : WithSlash(new Uri(first.Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://localhost")));
    }

    // new Uri(base, "unsubscribe/x") drops the last path segment of a base without a trailing slash.
    private static Uri WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
