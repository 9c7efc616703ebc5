namespace NonprofitPortal.Features.Nonprofits;

/// <summary>What someone typed or sent for a nonprofit, before validation.</summary>
public sealed record NonprofitInput(string? Name, string? Address, string? Email, IReadOnlyList<string>? Tags);
