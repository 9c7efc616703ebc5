using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NonprofitPortal.Features.Bounces;
using NonprofitPortal.Features.Bounces.Mailboxes;
using NonprofitPortal.Features.Nonprofits;
using NonprofitPortal.Features.Sending;
using NonprofitPortal.Tests.Features.Bounces;
using NonprofitPortal.Tests.Infrastructure;
using NonprofitPortal.Tests.Integration.Campaigns;
using Quartz;

namespace NonprofitPortal.Tests.Integration.Bounces;

/// <summary>Bounces and complaints read from a real Dovecot, over IMAP and POP3, into a real host.</summary>
public sealed class BounceMailboxTests(DovecotServer dovecot)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_imap_mailbox_suppresses_hard_bounces_opts_out_complaints_once_and_leaves_what_it_cannot_read()
    {
        RealServer.Require(dovecot.IsAvailable, $"Dovecot is needed: {dovecot.UnavailableReason}");
        var user = await dovecot.CreateUserAsync("imap");
        await using var host = StartHost(user, MailboxProtocol.Imap, processedFolder: "Processed");
        var api = new CampaignApi(await host.AdminClientAsync());
        var campaign = await BouncedCampaign.SendAsync(host, api, "imapbounce", 4);
        var (gone, reader, full, fine) = (campaign.Sends["imapbounce-0@imapbounce.example"], campaign.Sends["imapbounce-1@imapbounce.example"],
            campaign.Sends["imapbounce-2@imapbounce.example"], campaign.Sends["imapbounce-3@imapbounce.example"]);
        var hardBounce = BounceSamples.DeliveryStatus(gone.MessageId!, gone.Email, bounceId: $"hard-{gone.Id}");
        await dovecot.AppendAsync(user, "INBOX",
            hardBounce,
            BounceSamples.Complaint(reader.MessageId!, reader.Email),
            BounceSamples.DeliveryStatus(full.MessageId!, full.Email, "4.2.2", "smtp; 452 4.2.2 Mailbox full"),
            BounceSamples.OutOfOffice("Away until Monday"));

        var first = await PollAsync(host);
        await dovecot.AppendAsync(user, "INBOX", hardBounce);
        var second = await PollAsync(host);

        Assert.Equal(new MailboxPoll("bounces", 3, 1, null), first);
        Assert.Equal(new MailboxPoll("bounces", 1, 1, null), second);
        await using var db = await BouncedCampaign.DatabaseAsync(host);
        var nonprofits = await db.Nonprofits.AsNoTracking().Where(n => n.EmailDomain == "imapbounce.example").ToDictionaryAsync(n => n.Email, Cancel);
        Assert.Equal(SuppressionReasons.HardBounce, nonprofits[gone.Email].SuppressionReason);
        Assert.NotNull(nonprofits[gone.Email].SuppressedAt);
        Assert.Null(nonprofits[gone.Email].OptedOutAt);
        Assert.NotNull(nonprofits[reader.Email].OptedOutAt);
        Assert.Null(nonprofits[reader.Email].SuppressedAt);
        Assert.True(nonprofits[full.Email] is { SuppressedAt: null, OptedOutAt: null }, "One soft bounce is within the limit.");
        Assert.True(nonprofits[fine.Email] is { SuppressedAt: null, OptedOutAt: null });
        var events = await db.DeliveryEvents.AsNoTracking().Where(e => e.CampaignId == campaign.Id).OrderBy(e => e.SendId).ToListAsync(Cancel);
        Assert.Equal([(gone.Id, DeliveryEventKind.HardBounce), (reader.Id, DeliveryEventKind.Complaint), (full.Id, DeliveryEventKind.SoftBounce)], events.Select(e => (e.SendId!.Value, e.Kind)));
        Assert.All(events, e => Assert.Equal("bounces", e.Source));
        Assert.Contains("User unknown", events[0].Detail, StringComparison.Ordinal);
        var counters = await db.Campaigns.AsNoTracking().Where(c => c.Id == campaign.Id).Select(c => new { c.Bounced, c.Complained }).SingleAsync(Cancel);
        Assert.Equal((2, 1), (counters.Bounced, counters.Complained));
        var served = await api.GetAsync(campaign.Id);
        Assert.Equal((2, 1), (served.Bounced, served.Complained));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == NonprofitAuditActions.Suppressed && a.Subject!.Contains(gone.Email), Cancel));
        Assert.Equal(["Away until Monday"], await dovecot.SubjectsAsync(user, "INBOX"));
        Assert.Equal(4, (await dovecot.SubjectsAsync(user, "Processed")).Count);
        var state = await db.BounceMailboxes.AsNoTracking().SingleAsync(s => s.Name == "bounces", Cancel);
        Assert.Equal((4L, 1, (string?)null), (state.Processed, state.Unparsed, state.LastError));
        Assert.Contains("someone@example.org | Away until Monday", state.UnparsedSummary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pop3_mailbox_is_read_and_emptied_of_what_it_recorded_and_a_second_poll_changes_nothing()
    {
        RealServer.Require(dovecot.IsAvailable, $"Dovecot is needed: {dovecot.UnavailableReason}");
        var user = await dovecot.CreateUserAsync("pop3");
        await using var host = StartHost(user, MailboxProtocol.Pop3, processedFolder: null);
        var api = new CampaignApi(await host.AdminClientAsync());
        var campaign = await BouncedCampaign.SendAsync(host, api, "popbounce", 3);
        var (gone, moved) = (campaign.Sends["popbounce-0@popbounce.example"], campaign.Sends["popbounce-1@popbounce.example"]);
        await dovecot.AppendAsync(user, "INBOX",
            BounceSamples.DeliveryStatus(gone.MessageId!, gone.Email),
            BounceSamples.InWords(moved.MessageId!, moved.Email),
            BounceSamples.OutOfOffice("Not a bounce"));

        var first = await PollAsync(host);
        await using var db = await BouncedCampaign.DatabaseAsync(host);
        var afterFirst = await db.DeliveryEvents.CountAsync(e => e.CampaignId == campaign.Id, Cancel);
        var second = await PollAsync(host);

        Assert.Equal(new MailboxPoll("bounces", 2, 1, null), first);
        Assert.Equal(new MailboxPoll("bounces", 0, 1, null), second);
        Assert.Equal(2, afterFirst);
        Assert.Equal(2, await db.DeliveryEvents.CountAsync(e => e.CampaignId == campaign.Id, Cancel));
        var suppressed = await db.Nonprofits.Where(n => n.EmailDomain == "popbounce.example" && n.SuppressedAt != null).Select(n => n.Email).OrderBy(e => e).ToListAsync(Cancel);
        Assert.Equal([gone.Email, moved.Email], suppressed);
        Assert.Equal(2, await db.Campaigns.Where(c => c.Id == campaign.Id).Select(c => c.Bounced).SingleAsync(Cancel));
        Assert.Equal(["Not a bounce"], await dovecot.SubjectsAsync(user, "INBOX"));
    }

    [Fact]
    public async Task A_mailbox_that_refuses_the_login_is_shown_with_its_error_and_the_poll_job_runs_in_the_cluster_scheduler()
    {
        RealServer.Require(dovecot.IsAvailable, $"Dovecot is needed: {dovecot.UnavailableReason}");
        var user = await dovecot.CreateUserAsync("wrong");
        await using var host = StartHost(user, MailboxProtocol.Imap, processedFolder: null, password: "not-the-password");

        var poll = await PollAsync(host);

        Assert.StartsWith("AuthenticationException", poll.Error, StringComparison.Ordinal);
        var scheduler = await host.Services.GetRequiredKeyedService<ISchedulerFactory>(ClusterScheduler.Name).GetScheduler(Cancel);
        Assert.NotNull(await scheduler.GetJobDetail(PollBounceMailboxesJob.Key, Cancel));
    }

    private PortalHost StartHost(string user, MailboxProtocol protocol, string? processedFolder, string? password = null)
    {
        var host = new PortalHost(new Dictionary<string, string?>
        {
            ["Bounces:PollSeconds"] = "3600",
            ["Bounces:Mailboxes:0:Name"] = "bounces",
            ["Bounces:Mailboxes:0:Protocol"] = protocol.ToString(),
            ["Bounces:Mailboxes:0:Host"] = dovecot.Host,
            ["Bounces:Mailboxes:0:Port"] = (protocol == MailboxProtocol.Imap ? dovecot.ImapPort : dovecot.Pop3Port).ToString(CultureInfo.InvariantCulture),
            ["Bounces:Mailboxes:0:User"] = user,
            ["Bounces:Mailboxes:0:Password"] = password ?? dovecot.PasswordOf(user),
            ["Bounces:Mailboxes:0:ProcessedFolder"] = processedFolder,
        });
        host.StartServer();
        return host;
    }

    /// <summary>Polls as the cluster job does (its own trigger is an hour away, so it never races the test).</summary>
    private static Task<MailboxPoll> PollAsync(PortalHost host) =>
        host.Services.GetRequiredService<BounceMailboxPoller>().PollAsync(host.Services.GetRequiredService<IOptions<BounceOptions>>().Value.Mailboxes[0], Cancel);
}
