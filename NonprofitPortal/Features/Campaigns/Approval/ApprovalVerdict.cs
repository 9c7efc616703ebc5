namespace NonprofitPortal.Features.Campaigns.Approval;

public enum ApprovalVerdict
{
    Allowed,

    /// <summary>The reviewer lacks <c>campaigns.approve</c>.</summary>
    NotAnApprover,

    /// <summary>Nobody approves or rejects a campaign they launched.</summary>
    OwnCampaign,

    /// <summary>The campaign is not waiting for approval (approved, rejected or cancelled already, or never needed it).</summary>
    NotAwaiting,
}
