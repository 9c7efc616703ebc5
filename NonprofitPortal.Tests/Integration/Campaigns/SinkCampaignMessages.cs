using NonprofitPortal.Tests.Infrastructure;

namespace NonprofitPortal.Tests.Integration.Campaigns;

public static class SinkCampaignMessages
{
    /// <summary>The messages of one campaign, told apart by their Message-ID (<c>send-{id}.campaign-{id}@…</c>).</summary>
    public static List<SinkMessage> OfCampaign(this IEnumerable<SinkMessage> messages, long campaignId) =>
        messages.Where(m => m.Header("Message-ID")?.Contains($".campaign-{campaignId}@", StringComparison.Ordinal) == true).ToList();
}
