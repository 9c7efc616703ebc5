using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Accounts.Api;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Campaigns.Api;
using NonprofitPortal.Features.Sending;
using NonprofitPortal.Tests.Infrastructure;

namespace NonprofitPortal.Tests.Integration.Campaigns;

/// <summary>Approval before sending (<c>Campaigns:RequireApproval</c>) through the API of a real host, mail into its pickup folder.</summary>
public sealed class CampaignApprovalTests : IAsyncDisposable
{
    private const string StaffEmail = "staff@approval.test";
    private const string StaffPassword = "Staff-Approval-Pass-1!";
    // Tokens re-read their user at once: a test promotes a user it has already seen.
    private readonly PortalHost _host = new(new Dictionary<string, string?> { ["Campaigns:RequireApproval"] = "true", ["Accounts:RevalidationSeconds"] = "0.05" });

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_staff_launch_waits_sends_nothing_and_sends_once_another_approver_approves()
    {
        var (admin, staff, _) = await StaffAndAdminAsync("approved", 3);

        var launched = await staff.LaunchToTagAsync("approved");
        await DrainAsync();
        var waiting = await admin.GetAsync(launched.CampaignId);
        var approve = await admin.SteerAsync(launched.CampaignId, "approve");
        var finished = await admin.WaitUntilFinishedAsync(launched.CampaignId);

        Assert.Equal((CampaignStatus.AwaitingApproval, 3), (launched.Status, launched.Total));
        Assert.Equal((CampaignStatus.AwaitingApproval, 0, 3, null), (waiting.Status, waiting.Sent, waiting.Pending, waiting.StartedAt));
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        Assert.Equal(PortalHost.AdminEmail, (await admin.GetAsync(launched.CampaignId)).Review?.ReviewedBy);
        Assert.Null((await admin.GetAsync(launched.CampaignId)).Review?.RejectionReason);
        Assert.Equal((CampaignStatus.Completed, 3), (finished.Status, finished.Sent));
        Assert.Equal(3, MailTo(address => address.EndsWith("@approved.example", StringComparison.Ordinal)).Count);
        Assert.Equal(
            [(CampaignAuditActions.Launched, StaffEmail), (CampaignAuditActions.Approved, PortalHost.AdminEmail)],
            (await AuditOfAsync(launched.CampaignId)).Select(e => (e.Action, e.ActorName)));
        Assert.Contains("awaiting approval", (await AuditOfAsync(launched.CampaignId))[0].Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_answers_awaiting_approval_in_the_contracts_words_and_an_approvers_own_launch_does_not_wait()
    {
        var (admin, staff, _) = await StaffAndAdminAsync("words", 2);

        var fromStaff = await staff.LaunchAsync(new { subject = "s", body = "b", recipients = new { filter = new { tag = "words" } } });
        var fromAdmin = await admin.LaunchToTagAsync("words");

        Assert.Equal(HttpStatusCode.Accepted, fromStaff.Status);
        Assert.Equal("awaiting-approval", JsonDocument.Parse(fromStaff.Body).RootElement.GetProperty("status").GetString());
        Assert.NotEqual(CampaignStatus.AwaitingApproval, fromAdmin.Status);
        Assert.Equal(CampaignStatus.Completed, (await admin.WaitUntilFinishedAsync(fromAdmin.CampaignId)).Status);
    }

    [Fact]
    public async Task Nobody_approves_their_own_campaign_and_without_the_permission_the_api_answers_403()
    {
        var (admin, staff, staffUser) = await StaffAndAdminAsync("own", 2);
        var launched = await staff.LaunchToTagAsync("own");

        var withoutPermission = await staff.SteerAsync(launched.CampaignId, "approve");
        var promoted = await admin.Client.PutAsJsonAsync($"/api/users/{staffUser.Id}", new UpdateUserRequest([BuiltInRoles.Staff, BuiltInRoles.Admin], null, null), Cancel);
        var promotedStaff = new CampaignApi(await _host.ClientWithTokenAsync(StaffEmail, StaffPassword));
        await Eventually.GetAsync(
            async () => (await promotedStaff.Client.GetAsync($"/api/campaigns/{launched.CampaignId}", Cancel)).StatusCode == HttpStatusCode.OK ? "accepted" : null,
            "the promoted user's new token to be accepted");
        var ownApproval = await promotedStaff.SteerAsync(launched.CampaignId, "approve");
        var ownRejection = await promotedStaff.Client.PostAsJsonAsync($"/api/campaigns/{launched.CampaignId}/reject", new RejectRequest("mine"), Cancel);
        await DrainAsync();

        Assert.Equal(HttpStatusCode.Forbidden, withoutPermission.StatusCode);
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, ownApproval.StatusCode);
        Assert.Equal("You launched this campaign: another approver must review it.", await DetailAsync(ownApproval));
        Assert.Equal(HttpStatusCode.Conflict, ownRejection.StatusCode);
        Assert.Equal(CampaignStatus.AwaitingApproval, (await admin.GetAsync(launched.CampaignId)).Status);
        Assert.Empty(MailTo(address => address.EndsWith("@own.example", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_sends_nothing_and_the_sender_reads_why_in_the_api_and_by_mail()
    {
        var (admin, staff, _) = await StaffAndAdminAsync("rejected", 3);
        var launched = await staff.LaunchToTagAsync("rejected");

        var withoutReason = await admin.Client.PostAsJsonAsync($"/api/campaigns/{launched.CampaignId}/reject", new RejectRequest("  "), Cancel);
        var rejection = await admin.Client.PostAsJsonAsync($"/api/campaigns/{launched.CampaignId}/reject", new RejectRequest("The grant figures are last year's."), Cancel);
        await DrainAsync();
        var seenBySender = await staff.GetAsync(launched.CampaignId);
        var lateApproval = await admin.SteerAsync(launched.CampaignId, "approve");

        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rejection.StatusCode);
        Assert.Equal(CampaignStatus.Rejected, seenBySender.Status);
        Assert.Equal((PortalHost.AdminEmail, "The grant figures are last year's."), (seenBySender.Review?.ReviewedBy, seenBySender.Review?.RejectionReason));
        Assert.Equal(0, seenBySender.Sent);
        Assert.Empty(MailTo(address => address.EndsWith("@rejected.example", StringComparison.Ordinal)));
        var told = Assert.Single(MailTo(address => address == StaffEmail));
        Assert.Contains("The grant figures are last year&#x27;s.", told.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, lateApproval.StatusCode);
        Assert.Equal("This campaign is not awaiting approval: it is rejected.", await DetailAsync(lateApproval));
        await using var db = await DatabaseAsync();
        Assert.False(await db.EmailSends.AnyAsync(s => s.CampaignId == launched.CampaignId, Cancel));
        var rejected = Assert.Single(await AuditOfAsync(launched.CampaignId), e => e.Action == CampaignAuditActions.Rejected);
        Assert.Contains("The grant figures are last year's.", rejected.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_approvers_approving_at_once_approve_it_once_and_the_other_is_told_it_was_reviewed()
    {
        var (admin, staff, _) = await StaffAndAdminAsync("race", 2);
        await _host.CreateUserAsync("second@approval.test", StaffPassword, BuiltInRoles.Admin);
        var second = new CampaignApi(await _host.ClientWithTokenAsync("second@approval.test", StaffPassword));
        var launched = await staff.LaunchToTagAsync("race");

        var answers = await Task.WhenAll(admin.SteerAsync(launched.CampaignId, "approve"), second.SteerAsync(launched.CampaignId, "approve"));
        await admin.WaitUntilFinishedAsync(launched.CampaignId);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        Assert.Single(await AuditOfAsync(launched.CampaignId), e => e.Action == CampaignAuditActions.Approved);
        Assert.Equal(2, MailTo(address => address.EndsWith("@race.example", StringComparison.Ordinal)).Count);
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private async Task<(CampaignApi Admin, CampaignApi Staff, UserResponse StaffUser)> StaffAndAdminAsync(string tag, int recipients)
    {
        var admin = new CampaignApi(await _host.AdminClientAsync());
        await admin.ImportRecipientsAsync(tag, recipients);
        var staffUser = await _host.CreateUserAsync(StaffEmail, StaffPassword, BuiltInRoles.Staff);
        return (admin, new CampaignApi(await _host.ClientWithTokenAsync(StaffEmail, StaffPassword)), staffUser);
    }

    /// <summary>One pass of the drain, as the host's timer would run it: what it may send is sent when it returns.</summary>
    private Task DrainAsync() => _host.Services.GetRequiredService<SendDrainer>().DrainAsync(Cancel);

    private List<MimeMessage> MailTo(Func<string, bool> address) =>
        !Directory.Exists(_host.PickupDirectory)
            ? []
            : Directory.GetFiles(_host.PickupDirectory, "*.eml").Select(path => MimeMessage.Load(path)).Where(m => m.To.Mailboxes.Any(a => address(a.Address))).ToList();

    private async Task<List<AuditEntry>> AuditOfAsync(long campaignId)
    {
        await using var db = await DatabaseAsync();
        var details = $"campaign {campaignId}";
        var entries = await db.AuditEntries.Where(e => e.Details!.StartsWith(details)).OrderBy(e => e.Id).ToListAsync(Cancel);
        // "campaign 1" also starts "campaign 12, ...".
        return entries.Where(e => e.Details!.Length == details.Length || !char.IsAsciiDigit(e.Details[details.Length])).ToList();
    }

    private Task<AppDbContext> DatabaseAsync() => _host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Cancel);

    private static async Task<string?> DetailAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("detail").GetString();
}
