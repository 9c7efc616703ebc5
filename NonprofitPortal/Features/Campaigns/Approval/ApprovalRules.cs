namespace NonprofitPortal.Features.Campaigns.Approval;

/// <summary>Who may approve or reject a campaign, from which status, and where an approved campaign goes.</summary>
public static class ApprovalRules
{
    public const int MaxReasonLength = 1000;

    /// <summary>Whether a launch waits for an approver: only when approval is required and the launcher may not approve.</summary>
    public static bool NeedsApproval(bool requireApproval, bool launcherMayApprove) => requireApproval && !launcherMayApprove;

    /// <summary>The same verdict for approving and rejecting.</summary>
    public static ApprovalVerdict Review(CampaignStatus status, string? launcherId, string? reviewerId, bool reviewerMayApprove) =>
        !reviewerMayApprove || reviewerId is null ? ApprovalVerdict.NotAnApprover
        : reviewerId == launcherId ? ApprovalVerdict.OwnCampaign
        : status != CampaignStatus.AwaitingApproval ? ApprovalVerdict.NotAwaiting
        : ApprovalVerdict.Allowed;

    /// <summary>An approved campaign waits for its send time if that is still ahead, and otherwise starts at once.</summary>
    public static CampaignStatus ApprovedStatus(DateTimeOffset? scheduledAt, DateTimeOffset now) =>
        scheduledAt is { } at && at > now ? CampaignStatus.Scheduled : CampaignStatus.Queued;

    /// <summary>Why a rejection reason cannot be used, or null when it can.</summary>
    public static string? ReasonProblem(string? reason) => reason?.Trim() switch
    {
        null or "" => "Say why it is rejected: the sender reads it.",
        { Length: > MaxReasonLength } => $"The reason has at most {MaxReasonLength} characters.",
        _ => null,
    };

    public static string Explain(ApprovalVerdict verdict, CampaignStatus status) => verdict switch
    {
        ApprovalVerdict.NotAnApprover => "Approving campaigns needs the campaigns.approve permission.",
        ApprovalVerdict.OwnCampaign => "You launched this campaign: another approver must review it.",
        ApprovalVerdict.NotAwaiting => $"This campaign is not awaiting approval: it is {CampaignStatusText.Of(status)}.",
        _ => "",
    };
}
