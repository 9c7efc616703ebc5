namespace NonprofitPortal.Features.Campaigns;

/// <summary>
/// A file every message of the campaign carries, frozen at launch with its name and type; its bytes
/// stay in the media library, which keeps a file while a campaign has it.
/// </summary>
public sealed class CampaignAttachment
{
    public long CampaignId { get; set; }

    public long MediaFileId { get; set; }

    public int Position { get; set; }

    public string Name { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Bytes { get; set; }
}
