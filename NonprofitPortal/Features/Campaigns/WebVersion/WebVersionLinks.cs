using NonprofitPortal.Features.Campaigns.Tokens;

namespace NonprofitPortal.Features.Campaigns.WebVersion;

/// <summary>Where a recipient's web version is: <c>email/{token}</c>, the token naming the send.</summary>
public static class WebVersionLinks
{
    public const string Prefix = "email";

    /// <summary>The path (below the public address) of the page showing send <paramref name="sendId"/>'s message.</summary>
    public static string PathFor(SendTokens tokens, long sendId) => $"{Prefix}/{tokens.Create(SendTokenPurpose.WebVersion, sendId)}";
}
