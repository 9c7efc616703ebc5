namespace NonprofitPortal.Features.Nonprofits;

/// <summary>Which nonprofits a list, an export or a recipient selection covers.</summary>
public sealed record DirectoryFilter(string? Search = null, string? Domain = null, string? Tag = null)
{
    public static DirectoryFilter All { get; } = new();
}
