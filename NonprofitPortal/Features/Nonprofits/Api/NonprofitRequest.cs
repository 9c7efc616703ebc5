namespace NonprofitPortal.Features.Nonprofits.Api;

/// <param name="Tags">Null leaves the tags as they are on an update.</param>
/// <param name="OptedOut">Null leaves the opt-out as it is.</param>
public sealed record NonprofitRequest(string? Name, string? Address, string? Email, IReadOnlyList<string>? Tags, bool? OptedOut)
{
    public NonprofitInput ToInput() => new(Name, Address, Email, Tags);
}
