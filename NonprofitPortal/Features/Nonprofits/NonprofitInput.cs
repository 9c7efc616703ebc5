namespace NonprofitPortal.Features.Nonprofits;

/// <summary>What someone typed or sent for a nonprofit, before validation.</summary>
public sealed record NonprofitInput(string? Name, string? Address, string? Email, IReadOnlyList<string>? Tags)
{
    /// <summary>On a create: add it even though its address was erased on request (the organisation asked to be added again).</summary>
    public bool ReaddErased { get; init; }
}
