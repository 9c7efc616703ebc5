namespace NonprofitPortal.Features.Nonprofits.DataRequests;

/// <summary>One campaign message addressed to it, with the snapshot of it taken at launch.</summary>
public sealed record NonprofitDataCampaign(
    long CampaignId, string CampaignName, string Subject, DateTimeOffset LaunchedAt, string Status, string Email, string Name, string Address, string Tags,
    int Attempts, DateTimeOffset? SentAt, string? MessageId, string? ServerReply, string? LastError);
