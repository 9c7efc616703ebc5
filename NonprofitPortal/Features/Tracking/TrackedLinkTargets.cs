using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;

namespace NonprofitPortal.Features.Tracking;

/// <summary>Where a tracked link goes: the address its campaign stored for it at launch, read by the send's id.</summary>
public sealed class TrackedLinkTargets(IDbContextFactory<AppDbContext> contextFactory)
{
    /// <returns>Null when the send, or that link of its campaign, does not exist, or is no web address.</returns>
    public async Task<Uri?> FindAsync(long sendId, int linkIndex, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var url = await db.EmailSends
            .Where(s => s.Id == sendId)
            .SelectMany(s => db.CampaignLinks.Where(l => l.CampaignId == s.CampaignId && l.LinkIndex == linkIndex).Select(l => l.Url))
            .SingleOrDefaultAsync(cancellationToken);
        return TrackingRules.RedirectTarget(url);
    }
}
