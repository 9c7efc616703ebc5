namespace NonprofitPortal.Features.Campaigns;

/// <summary>A status as people read it, and as the API writes it.</summary>
public static class CampaignStatusText
{
    public static string Of(CampaignStatus status) => status switch
    {
        CampaignStatus.AwaitingApproval => "awaiting approval",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>Capitalised, for chips and filters.</summary>
    public static string Label(CampaignStatus status) => status == CampaignStatus.AwaitingApproval ? "Awaiting approval" : status.ToString();
}
