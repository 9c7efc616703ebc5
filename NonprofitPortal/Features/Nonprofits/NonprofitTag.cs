namespace NonprofitPortal.Features.Nonprofits;

/// <summary>A label that groups nonprofits, such as "education"; stored lower-case.</summary>
public sealed class NonprofitTag
{
    public long NonprofitId { get; set; }

    public string Name { get; set; } = "";
}
