using System.Text;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using NonprofitPortal.Features.Bounces;
using NonprofitPortal.Features.Bounces.Parsing;
using NonprofitPortal.Features.Nonprofits;
using NonprofitPortal.Tests.Infrastructure;
using NonprofitPortal.Tests.Integration.Campaigns;

namespace NonprofitPortal.Tests.Integration.Bounces;

/// <summary>VERP through a real smtp-sink: each message's envelope sender names its send.</summary>
public sealed class ReturnPathTests(PostgresServer postgres)
{
    private const string Domain = "bounces.portal.test";
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_message_goes_out_from_its_own_return_path_whose_token_reads_back_to_the_send_and_a_bounce_to_it_is_matched()
    {
        await using var sink = await SendingHosts.StartSinkAsync();
        await using var host = await new SendingHosts(postgres, onPostgres: false).StartAsync(sink, new Dictionary<string, string?> { ["Bounces:ReturnPathDomain"] = Domain });
        var api = new CampaignApi(await host.AdminClientAsync());
        await api.ImportRecipientsAsync("verp", 3);
        var launched = await api.LaunchToTagAsync("verp");
        await api.WaitUntilFinishedAsync(launched.CampaignId);
        var returnPaths = host.Services.GetRequiredService<ReturnPaths>();

        var received = sink.ReadMessages().OfCampaign(launched.CampaignId);

        Assert.Equal(3, received.Count);
        Assert.Equal(3, received.Select(m => m.Sender).Distinct().Count());
        foreach (var message in received)
        {
            Assert.Matches($@"^bounces\+[a-z0-9]+@{Domain.Replace(".", @"\.", StringComparison.Ordinal)}$", message.Sender);
            Assert.Null(message.Header("Return-Path"));
            var sendId = SendMatcher.SendIdFromMessageId(message.Header("Message-ID"))!.Value.SendId;
            Assert.Equal(sendId, returnPaths.SendIdFrom(message.Sender));
            Assert.Equal(sendId, returnPaths.SendIdFrom(message.Sender.ToUpperInvariant()));
        }

        var bounced = received.Single(m => m.Recipients.Contains("verp-1@verp.example"));
        var report = Assert.Single(Parse($"""
            From: MAILER-DAEMON@relay.example.net
            To: {bounced.Sender}
            Subject: Delivery failure
            Message-ID: <verp-bounce@relay.example.net>

            Your message to verp-1@verp.example could not be delivered: 550 5.1.1 user unknown.
            """)!);
        var recorded = await host.Services.GetRequiredService<FeedbackRecorder>().RecordAsync(report, "bounces", byRecipient: false, Cancel);

        Assert.Null(report.OriginalMessageId);
        Assert.Equal(RecordedFeedback.Recorded, recorded);
        await using var db = await BouncedCampaign.DatabaseAsync(host);
        Assert.Equal(SuppressionReasons.HardBounce, await db.Nonprofits.Where(n => n.Email == "verp-1@verp.example").Select(n => n.SuppressionReason).SingleAsync(Cancel));
        Assert.Equal(0, await db.Nonprofits.CountAsync(n => n.EmailDomain == "verp.example" && n.Email != "verp-1@verp.example" && n.SuppressedAt != null, Cancel));
    }

    [Fact]
    public async Task Without_a_return_path_domain_messages_go_out_from_the_sender_address()
    {
        await using var sink = await SendingHosts.StartSinkAsync();
        await using var host = await new SendingHosts(postgres, onPostgres: false).StartAsync(sink);
        var api = new CampaignApi(await host.AdminClientAsync());
        await api.ImportRecipientsAsync("noverp", 1);
        var launched = await api.LaunchToTagAsync("noverp");
        await api.WaitUntilFinishedAsync(launched.CampaignId);

        Assert.Equal("portal@portal.test", Assert.Single(sink.ReadMessages().OfCampaign(launched.CampaignId)).Sender);
    }

    private static IReadOnlyList<FeedbackReport>? Parse(string raw)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(raw.Replace("\n", "\r\n", StringComparison.Ordinal)));
        return BounceMessageParser.Parse(MimeMessage.Load(stream, Cancel));
    }
}
