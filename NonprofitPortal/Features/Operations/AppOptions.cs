namespace NonprofitPortal.Features.Operations;

public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>The base of links in mail; when empty, the address the request came to.</summary>
    public Uri? PublicUrl { get; set; }

    /// <summary>The foundation's name, as templates see it in <c>foundation.name</c>.</summary>
    public string FoundationName { get; set; } = "Our Foundation";
}
