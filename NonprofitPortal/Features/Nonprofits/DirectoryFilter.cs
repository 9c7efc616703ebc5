namespace NonprofitPortal.Features.Nonprofits;

/// <summary>Which nonprofits a list, an export or a recipient selection covers.</summary>
/// <param name="Suppressed">Only suppressed nonprofits (true), only those not suppressed (false), or both (null).</param>
public sealed record DirectoryFilter(string? Search = null, string? Domain = null, string? Tag = null, bool? Suppressed = null)
{
    public static DirectoryFilter All { get; } = new();
}
