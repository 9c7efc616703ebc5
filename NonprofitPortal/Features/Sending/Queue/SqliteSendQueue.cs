using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.Options;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Media.Storage;
using NonprofitPortal.Features.Webhooks;

namespace NonprofitPortal.Features.Sending.Queue;

/// <summary>
/// SQLite has one writer at a time: the single UPDATE takes the write lock before it reads, so
/// the rows it picks cannot be picked by anyone else before it commits.
/// </summary>
public sealed class SqliteSendQueue(IDbContextFactory<AppDbContext> contextFactory, IOptions<SendingOptions> options, TimeProvider time, SendingMetrics metrics, IRejectedSends rejections, IMediaStore mediaStore, WebhookOutbox webhooks)
    : SendQueue(contextFactory, options, time, metrics, rejections, mediaStore, webhooks)
{
    private static readonly DateTimeOffsetToBinaryConverter Stored = new();

    public override string ClaimSql => """
        UPDATE "EmailSends"
        SET "Status" = 1, "LeaseOwner" = @owner, "LeaseExpiresAt" = @leaseUntil, "Attempts" = "Attempts" + 1
        WHERE "Id" IN (
            SELECT "Id" FROM "EmailSends"
            WHERE "CampaignId" = @campaign AND "Status" = 0 AND "NextAttemptAt" <= @now
            LIMIT @limit)
        RETURNING "Id", "CampaignId", "NonprofitId", "Email", "Name", "Address", "Tags", "Attempts"
        """;

    protected override (DbType Type, object Value) StoredTime(DateTimeOffset value) => (DbType.Int64, Stored.ConvertToProvider(value)!);
}
