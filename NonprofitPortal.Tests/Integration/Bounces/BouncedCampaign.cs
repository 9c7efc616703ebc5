using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Tests.Integration.Campaigns;

namespace NonprofitPortal.Tests.Integration.Bounces;

/// <summary>A campaign sent through a host, and its messages by recipient: what bounces and complaints are about.</summary>
public sealed class BouncedCampaign
{
    private BouncedCampaign(long id, IReadOnlyDictionary<string, EmailSend> sends) => (Id, Sends) = (id, sends);

    public long Id { get; }

    /// <summary>By recipient email.</summary>
    public IReadOnlyDictionary<string, EmailSend> Sends { get; }

    public static async Task<BouncedCampaign> SendAsync(PortalHost host, CampaignApi api, string tag, int recipients)
    {
        await api.ImportRecipientsAsync(tag, recipients);
        var launched = await api.LaunchToTagAsync(tag);
        await api.WaitUntilFinishedAsync(launched.CampaignId);
        await using var db = await DatabaseAsync(host);
        var sends = await db.EmailSends.AsNoTracking().Where(s => s.CampaignId == launched.CampaignId).ToListAsync(TestContext.Current.CancellationToken);
        return new BouncedCampaign(launched.CampaignId, sends.ToDictionary(s => s.Email));
    }

    public static Task<AppDbContext> DatabaseAsync(PortalHost host) =>
        host.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
}
