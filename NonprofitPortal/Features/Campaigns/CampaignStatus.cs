using System.Text.Json.Serialization;

namespace NonprofitPortal.Features.Campaigns;

public enum CampaignStatus
{
    /// <summary>Launched; becomes <see cref="Sending"/> when the first batch is claimed.</summary>
    Queued = 0,
    Sending = 1,
    Paused = 2,
    Completed = 3,
    Cancelled = 4,

    /// <summary>Waiting for its send time (<see cref="Campaign.ScheduledAt"/>); becomes <see cref="Queued"/> then, once across all nodes.</summary>
    Scheduled = 5,

    /// <summary>Launched by someone who may not approve while <c>Campaigns:RequireApproval</c> is on: frozen, nothing sent until an approver approves.</summary>
    [JsonStringEnumMemberName("awaiting-approval")]
    AwaitingApproval = 6,

    /// <summary>An approver turned it down (<see cref="Campaign.RejectionReason"/>); nothing of it is sent.</summary>
    Rejected = 7,
}
