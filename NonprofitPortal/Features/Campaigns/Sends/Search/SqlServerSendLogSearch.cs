using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;

namespace NonprofitPortal.Features.Campaigns.Sends.Search;

/// <summary>
/// SQL Server: every word must occur in the (lower-cased) name or in the email, read along the
/// campaign's sends in order. Full-text search would need a catalog we cannot test.
/// </summary>
internal sealed class SqlServerSendLogSearch : ISendLogSearch
{
    public async Task<List<long>> PageAsync(
        AppDbContext db, long campaignId, SendSearchWords words, SendStatus? status, long? after, int take, CancellationToken cancellationToken)
    {
        var sends = db.EmailSends.Where(s => s.CampaignId == campaignId);
        foreach (var word in words.Words)
        {
            sends = sends.Where(s => s.Name.ToLower().Contains(word) || s.Email.Contains(word));
        }

        return await sends.Narrowed(status, after).OrderBy(s => s.Id).Select(s => s.Id).Take(take).ToListAsync(cancellationToken);
    }
}
