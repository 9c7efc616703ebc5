using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;

namespace NonprofitPortal.Features.Campaigns.Sends.Search;

/// <summary>
/// SQLite's FTS5 table EmailSendSearch (kept in step with EmailSends by triggers, see the migration
/// that creates it). The index is read first and in send order, within the campaign's id range, so a
/// word few recipients have costs its few matches and a common one stops at the page's end.
/// </summary>
public sealed class SqliteSendLogSearch : ISendLogSearch
{
    public async Task<List<long>> PageAsync(
        AppDbContext db, long campaignId, SendSearchWords words, SendStatus? status, long? after, int take, CancellationToken cancellationToken)
    {
        var match = string.Join(" AND ", words.Words.Select(word => $"\"{word}\"*"));
        var statusValue = (int?)status;
        return await db.Database.SqlQuery<long>($"""
            SELECT hit.rowid AS "Value"
            FROM EmailSendSearch AS hit CROSS JOIN EmailSends AS s ON s.Id = hit.rowid
            WHERE EmailSendSearch MATCH {match}
              AND hit.rowid > max({after ?? 0}, (SELECT min(Id) FROM EmailSends WHERE CampaignId = {campaignId}) - 1)
              AND hit.rowid <= (SELECT max(Id) FROM EmailSends WHERE CampaignId = {campaignId})
              AND s.CampaignId = {campaignId} AND ({statusValue} IS NULL OR s.Status = {statusValue})
            ORDER BY hit.rowid
            LIMIT {take}
            """).ToListAsync(cancellationToken);
    }
}
