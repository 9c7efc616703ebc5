namespace NonprofitPortal.Features.Nonprofits.Import;

/// <summary>What an import does with a row whose email is already in the directory (or earlier in the file).</summary>
public enum ExistingNonprofits
{
    Skip,
    Update,
}
