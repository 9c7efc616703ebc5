using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Media.Storage;
using NonprofitPortal.Features.Webhooks;

namespace NonprofitPortal.Features.Sending.Queue;

/// <summary>
/// PostgreSQL: rows another worker has locked are skipped, not waited for; a batch's outcomes are
/// written by one statement over arrays.
/// </summary>
public sealed class PostgresSendQueue(IDbContextFactory<AppDbContext> contextFactory, IOptions<SendingOptions> options, TimeProvider time, SendingMetrics metrics, IRejectedSends rejections, IMediaStore mediaStore, WebhookOutbox webhooks)
    : SendQueue(contextFactory, options, time, metrics, rejections, mediaStore, webhooks)
{
    /// <summary>
    /// <see cref="SendQueue.RecordOutcomeSql"/> for a whole batch: the same assignments and the
    /// same fence, one row of <c>unnest</c> per outcome. One statement is planned once per batch;
    /// one statement per outcome made planning a quarter of the server's CPU.
    /// </summary>
    public const string RecordBatchSql = """
        UPDATE "EmailSends" AS s SET
            "Status" = o.status,
            "Attempts" = s."Attempts" - o.refund,
            "NextAttemptAt" = COALESCE(o.next, s."NextAttemptAt"),
            "SentAt" = o.sent_at,
            "MessageId" = COALESCE(o.message_id, s."MessageId"),
            "ServerName" = COALESCE(o.server, s."ServerName"),
            "ServerReply" = COALESCE(o.reply, s."ServerReply"),
            "LastError" = COALESCE(o.error, s."LastError"),
            "LeaseOwner" = NULL,
            "LeaseExpiresAt" = NULL
        FROM unnest(@ids, @statuses, @refunds, @nexts, @sentAts, @messageIds, @servers, @replies, @errors)
            AS o(id, status, refund, next, sent_at, message_id, server, reply, error)
        WHERE s."Id" = o.id AND s."LeaseOwner" = @owner AND s."Status" IN (0, 1)
        RETURNING s."Id"
        """;

    public override string ClaimSql => """
        UPDATE "EmailSends" AS s
        SET "Status" = 1, "LeaseOwner" = @owner, "LeaseExpiresAt" = @leaseUntil, "Attempts" = s."Attempts" + 1
        FROM (
            SELECT "Id" FROM "EmailSends"
            WHERE "CampaignId" = @campaign AND "Status" = 0 AND "NextAttemptAt" <= @now
            LIMIT @limit
            FOR UPDATE SKIP LOCKED) AS claimable
        WHERE s."Id" = claimable."Id"
        RETURNING s."Id", s."CampaignId", s."NonprofitId", s."Email", s."Name", s."Address", s."Tags", s."Attempts"
        """;

    protected override async Task<List<SendOutcome>> UpdateRowsAsync(
        DbConnection connection, DbTransaction transaction, string owner, IReadOnlyList<SendOutcome> outcomes, CancellationToken cancellationToken)
    {
        await using var update = new NpgsqlCommand(RecordBatchSql, (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        update.Parameters.Add(new NpgsqlParameter<string>("owner", owner));
        update.Parameters.Add(new NpgsqlParameter<long[]>("ids", [.. outcomes.Select(o => o.SendId)]));
        update.Parameters.Add(new NpgsqlParameter<int[]>("statuses", [.. outcomes.Select(o => (int)o.Status)]));
        update.Parameters.Add(new NpgsqlParameter<int[]>("refunds", [.. outcomes.Select(o => o.RefundAttempt ? 1 : 0)]));
        update.Parameters.Add(new NpgsqlParameter<DateTimeOffset?[]>("nexts", [.. outcomes.Select(o => o.NextAttemptAt)]));
        update.Parameters.Add(new NpgsqlParameter<DateTimeOffset?[]>("sentAts", [.. outcomes.Select(o => o.Status == SendStatus.Sent ? o.At : (DateTimeOffset?)null)]));
        update.Parameters.Add(new NpgsqlParameter<string?[]>("messageIds", [.. outcomes.Select(o => o.MessageId)]));
        update.Parameters.Add(new NpgsqlParameter<string?[]>("servers", [.. outcomes.Select(o => o.ServerName)]));
        update.Parameters.Add(new NpgsqlParameter<string?[]>("replies", [.. outcomes.Select(o => o.ServerReply)]));
        update.Parameters.Add(new NpgsqlParameter<string?[]>("errors", [.. outcomes.Select(o => o.Error)]));

        var written = new HashSet<long>(outcomes.Count);
        await using (var reader = await update.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                written.Add(reader.GetInt64(0));
            }
        }

        return [.. outcomes.Where(o => written.Contains(o.SendId))];
    }
}
