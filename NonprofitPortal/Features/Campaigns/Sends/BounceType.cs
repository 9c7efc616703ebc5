namespace NonprofitPortal.Features.Campaigns.Sends;

public enum BounceType
{
    /// <summary>The address will not take mail.</summary>
    Hard,

    /// <summary>Only temporary failures were reported.</summary>
    Soft,
}
