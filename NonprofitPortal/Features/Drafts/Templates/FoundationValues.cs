using NonprofitPortal.Features.Operations;

namespace NonprofitPortal.Features.Drafts.Templates;

public sealed record FoundationValues(string Name, string Address = "", string LogoUrl = "")
{
    public static FoundationValues From(AppOptions options) => new(options.FoundationName, options.FoundationAddress, options.FoundationLogoUrl);
}
