namespace NonprofitPortal.Features.Webhooks;

/// <summary>The <c>data</c> of the <c>campaign.*</c> events.</summary>
public sealed record CampaignEventData(long CampaignId, string Name, string Status, int Total, int Sent, int Failed, int Skipped, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt);

/// <summary>The <c>data</c> of <c>send.failed</c>: a message that will not be tried again.</summary>
public sealed record SendFailedData(long CampaignId, long SendId, long? NonprofitId, string Email, string? Error);

/// <summary>The <c>data</c> of the <c>nonprofit.*</c> events; <c>reason</c> is the suppression reason, or how the nonprofit unsubscribed.</summary>
public sealed record NonprofitEventData(long NonprofitId, string Name, string Email, string Reason);
