using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;

namespace NonprofitPortal.Features.Campaigns.Sends.Search;

/// <summary>
/// PostgreSQL full-text search on EmailSendSearch, a GIN-indexed table of each send's words kept
/// beside EmailSends by triggers (see the migration that creates it). It is a table of its own so
/// that the drain's updates of EmailSends never write the text index.
/// </summary>
internal sealed class PostgresSendLogSearch : ISendLogSearch
{
    public async Task<List<long>> PageAsync(
        AppDbContext db, long campaignId, SendSearchWords words, SendStatus? status, long? after, int take, CancellationToken cancellationToken)
    {
        var query = string.Join(" & ", words.Words.Select(word => $"{word}:*"));
        var statusValue = (int?)status;
        return await db.Database.SqlQuery<long>($"""
            SELECT hit."SendId" AS "Value"
            FROM "EmailSendSearch" AS hit JOIN "EmailSends" AS s ON s."Id" = hit."SendId"
            WHERE hit."Words" @@ to_tsquery('simple'::regconfig, {query})
              AND hit."CampaignId" = {campaignId} AND hit."SendId" > {after ?? 0}
              AND (CAST({statusValue} AS integer) IS NULL OR s."Status" = {statusValue})
            ORDER BY hit."SendId"
            LIMIT {take}
            """).ToListAsync(cancellationToken);
    }
}
