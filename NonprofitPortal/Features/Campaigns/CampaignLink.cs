namespace NonprofitPortal.Features.Campaigns;

/// <summary>One address a tracked campaign's messages link to, frozen at launch, with what its clicks came to.</summary>
public sealed class CampaignLink
{
    public long CampaignId { get; set; }

    /// <summary>The link's number in the messages' tracked links (their tokens sign it).</summary>
    public int LinkIndex { get; set; }

    public string Url { get; set; } = "";

    public int Clicks { get; set; }

    /// <summary>Messages from which it was clicked at least once.</summary>
    public int UniqueClicks { get; set; }
}
