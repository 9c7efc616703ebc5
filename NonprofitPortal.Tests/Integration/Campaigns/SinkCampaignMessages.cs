using NonprofitPortal.Tests.Infrastructure;

namespace NonprofitPortal.Tests.Integration.Campaigns;

public static class SinkCampaignMessages
{
    /// <summary>The messages of one campaign, told apart by their Message-ID (<c>send-{id}.campaign-{id}@…</c>).</summary>
    public static List<SinkMessage> OfCampaign(this IEnumerable<SinkMessage> messages, long campaignId) =>
        messages.Where(m => m.Header("Message-ID")?.Contains($".campaign-{campaignId}@", StringComparison.Ordinal) == true).ToList();

    /// <summary>The HTML body of the message of <paramref name="campaignId"/> that went to <paramref name="email"/>.</summary>
    public static string HtmlOf(this SmtpSink sink, long campaignId, string email)
    {
        var received = sink.ReadMessages().OfCampaign(campaignId).Single(m => m.Recipients.Contains(email));
        return MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(received.RawMessage)), TestContext.Current.CancellationToken).HtmlBody ?? "";
    }
}
