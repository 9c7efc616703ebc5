using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Media.Storage;
using NonprofitPortal.Features.Webhooks;

namespace NonprofitPortal.Features.Sending.Queue;

/// <summary>SQL Server: READPAST skips rows other workers hold, UPDLOCK keeps two workers from reading the same free row.</summary>
public sealed class SqlServerSendQueue(IDbContextFactory<AppDbContext> contextFactory, IOptions<SendingOptions> options, TimeProvider time, SendingMetrics metrics, IRejectedSends rejections, IMediaStore mediaStore, WebhookOutbox webhooks)
    : SendQueue(contextFactory, options, time, metrics, rejections, mediaStore, webhooks)
{
    public override string ClaimSql => """
        UPDATE TOP (@limit) s
        SET "Status" = 1, "LeaseOwner" = @owner, "LeaseExpiresAt" = @leaseUntil, "Attempts" = s."Attempts" + 1
        OUTPUT inserted."Id", inserted."CampaignId", inserted."NonprofitId", inserted."Email", inserted."Name", inserted."Address", inserted."Tags", inserted."Attempts"
        FROM "EmailSends" AS s WITH (READPAST, UPDLOCK, ROWLOCK)
        WHERE s."CampaignId" = @campaign AND s."Status" = 0 AND s."NextAttemptAt" <= @now
        """;
}
