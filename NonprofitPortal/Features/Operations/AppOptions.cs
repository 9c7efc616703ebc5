namespace NonprofitPortal.Features.Operations;

public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>The base of links in mail; when empty, the address the request came to.</summary>
    public Uri? PublicUrl { get; set; }
}
