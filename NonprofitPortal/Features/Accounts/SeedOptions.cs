namespace NonprofitPortal.Features.Accounts;

/// <summary>The first administrator, created when no administrator exists.</summary>
public sealed class SeedOptions
{
    public const string Section = "Seed";

    public string? AdminEmail { get; set; }

    public string? AdminPassword { get; set; }
}
