using System.Text.Json;
using System.Text.Json.Serialization;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Campaigns.Approval;

namespace NonprofitPortal.Tests.Features.Campaigns.Approval;

public sealed class ApprovalRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(false, false, false)]
    [InlineData(false, true, false)]
    [InlineData(true, true, false)]
    [InlineData(true, false, true)]
    public void A_launch_waits_only_when_approval_is_required_and_the_launcher_may_not_approve(bool required, bool launcherMayApprove, bool waits) =>
        Assert.Equal(waits, ApprovalRules.NeedsApproval(required, launcherMayApprove));

    [Fact]
    public void Another_approver_may_review_a_campaign_awaiting_approval() =>
        Assert.Equal(ApprovalVerdict.Allowed, ApprovalRules.Review(CampaignStatus.AwaitingApproval, "staff", "approver", reviewerMayApprove: true));

    [Fact]
    public void Nobody_reviews_their_own_campaign_even_with_the_permission() =>
        Assert.Equal(ApprovalVerdict.OwnCampaign, ApprovalRules.Review(CampaignStatus.AwaitingApproval, "staff", "staff", reviewerMayApprove: true));

    [Theory]
    [InlineData("approver", false)]
    [InlineData(null, true)]
    public void Someone_without_the_permission_or_without_a_user_id_is_not_an_approver(string? reviewer, bool mayApprove) =>
        Assert.Equal(ApprovalVerdict.NotAnApprover, ApprovalRules.Review(CampaignStatus.AwaitingApproval, "staff", reviewer, mayApprove));

    [Theory]
    [InlineData(CampaignStatus.Queued)]
    [InlineData(CampaignStatus.Scheduled)]
    [InlineData(CampaignStatus.Sending)]
    [InlineData(CampaignStatus.Rejected)]
    [InlineData(CampaignStatus.Cancelled)]
    [InlineData(CampaignStatus.Completed)]
    public void Only_a_campaign_awaiting_approval_can_be_reviewed(CampaignStatus status)
    {
        Assert.Equal(ApprovalVerdict.NotAwaiting, ApprovalRules.Review(status, "staff", "approver", reviewerMayApprove: true));
        Assert.Contains("not awaiting approval", ApprovalRules.Explain(ApprovalVerdict.NotAwaiting, status), StringComparison.Ordinal);
    }

    [Fact]
    public void An_approved_campaign_waits_for_a_send_time_still_ahead_and_otherwise_starts_at_once()
    {
        Assert.Equal(CampaignStatus.Scheduled, ApprovalRules.ApprovedStatus(Now.AddHours(1), Now));
        Assert.Equal(CampaignStatus.Queued, ApprovalRules.ApprovedStatus(Now.AddMinutes(-1), Now));
        Assert.Equal(CampaignStatus.Queued, ApprovalRules.ApprovedStatus(null, Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_rejection_needs_a_reason(string? reason) =>
        Assert.Equal("Say why it is rejected: the sender reads it.", ApprovalRules.ReasonProblem(reason));

    [Fact]
    public void A_rejection_reason_has_a_length_limit()
    {
        Assert.Null(ApprovalRules.ReasonProblem(new string('x', ApprovalRules.MaxReasonLength)));
        Assert.NotNull(ApprovalRules.ReasonProblem(new string('x', ApprovalRules.MaxReasonLength + 1)));
    }

    [Fact]
    public void The_new_statuses_serialize_as_the_contract_names_them()
    {
        var options = new JsonSerializerOptions { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

        Assert.Equal("\"awaiting-approval\"", JsonSerializer.Serialize(CampaignStatus.AwaitingApproval, options));
        Assert.Equal("\"rejected\"", JsonSerializer.Serialize(CampaignStatus.Rejected, options));
        Assert.Equal(CampaignStatus.AwaitingApproval, JsonSerializer.Deserialize<CampaignStatus>("\"awaiting-approval\"", options));
    }
}
