using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;
using NpgsqlTypes;

namespace NonprofitPortal.Features.Campaigns.Sends.Search;

/// <summary>PostgreSQL full-text search on the stored, GIN-indexed search vector of EmailSends.</summary>
internal sealed class PostgresSendLogSearch : ISendLogSearch
{
    public async Task<List<long>> PageAsync(
        AppDbContext db, long campaignId, SendSearchWords words, SendStatus? status, long? after, int take, CancellationToken cancellationToken)
    {
        var query = string.Join(" & ", words.Words.Select(word => $"{word}:*"));
        var sends = db.EmailSends.Where(s => s.CampaignId == campaignId
            && EF.Property<NpgsqlTsVector>(s, PostgresAppDbContext.SendSearchVector).Matches(EF.Functions.ToTsQuery("simple", query)));
        return await sends.Narrowed(status, after).OrderBy(s => s.Id).Select(s => s.Id).Take(take).ToListAsync(cancellationToken);
    }
}
