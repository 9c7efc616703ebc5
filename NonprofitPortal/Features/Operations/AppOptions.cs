namespace NonprofitPortal.Features.Operations;

public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>The base of links in mail; when empty, the address the request came to.</summary>
    public Uri? PublicUrl { get; set; }

    /// <summary>The foundation's name, as templates see it in <c>foundation.name</c>.</summary>
    public string FoundationName { get; set; } = "Our Foundation";

    /// <summary>The foundation's postal address (<c>foundation.address</c>): bulk-mail rules ask for it in every message.</summary>
    public string FoundationAddress { get; set; } = "";

    /// <summary>The address of the foundation's logo (<c>foundation.logo_url</c>), shown by the default layout; empty for its name instead.</summary>
    public string FoundationLogoUrl { get; set; } = "";
}
