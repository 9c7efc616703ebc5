namespace NonprofitPortal.Features.Campaigns;

/// <summary>What a campaign may carry (<c>Campaigns:*</c>).</summary>
public sealed class CampaignsOptions
{
    public const string Section = "Campaigns";

    /// <summary>The most a draft's attachments may weigh together; every recipient gets them all.</summary>
    public long MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Whether a campaign launched by someone without <c>campaigns.approve</c> waits for an approver before anything is sent.</summary>
    public bool RequireApproval { get; set; }
}
