using NonprofitPortal.Features.Operations.ApiDocs;

namespace NonprofitPortal.Features.Nonprofits.Api;

/// <param name="Tags">Null leaves the tags as they are on an update.</param>
/// <param name="OptedOut">Null leaves the opt-out as it is.</param>
/// <param name="ReaddErased">On a create: true to add an address that was erased on request (otherwise 409).</param>
public sealed record NonprofitRequest(string? Name, string? Address, string? Email, IReadOnlyList<string>? Tags, bool? OptedOut, bool? ReaddErased = null) : IApiExample<NonprofitRequest>
{
    public static NonprofitRequest Example => new("Kids & Co", "12 Harbour Road, Bristol BS1 4RN", "hello@kidsandco.example", ["education", "bristol"], null);

    public NonprofitInput ToInput() => new(Name, Address, Email, Tags) { ReaddErased = ReaddErased ?? false };
}
