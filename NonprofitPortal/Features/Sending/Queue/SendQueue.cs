using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Campaigns.Lifecycle;
using NonprofitPortal.Features.Media.Storage;
using NonprofitPortal.Features.Webhooks;

namespace NonprofitPortal.Features.Sending.Queue;

/// <summary>
/// The pending-sends table as a work queue. Claiming leases a batch of rows to one worker in one
/// atomic statement (each provider has its own: <see cref="ClaimSql"/>); recording writes what
/// became of them and moves the campaign's counters in the same transaction, so the counters
/// are exact.
/// </summary>
/// <remarks>
/// <c>LeaseOwner</c> names the last worker that claimed a row, and stays when lease recovery makes
/// the row pending again: only a new claim changes it. Outcomes are written only where the
/// writer is still the owner, so a late outcome never overwrites another worker's; and an outcome
/// that comes after recovery but before anyone claimed the row again (a worker that lost touch
/// with the database while its messages went out) is still written, rather than the message
/// going out a second time.
/// </remarks>
public abstract class SendQueue(
    IDbContextFactory<AppDbContext> contextFactory, IOptions<SendingOptions> options, TimeProvider time, SendingMetrics metrics, IRejectedSends rejections, IMediaStore mediaStore, WebhookOutbox webhooks)
    : ISendQueue
{
    private const string RecordSql = """
        UPDATE "EmailSends" SET
            "Status" = @status,
            "Attempts" = "Attempts" - @refund,
            "NextAttemptAt" = COALESCE(@next, "NextAttemptAt"),
            "SentAt" = @sentAt,
            "MessageId" = COALESCE(@messageId, "MessageId"),
            "ServerName" = COALESCE(@server, "ServerName"),
            "ServerReply" = COALESCE(@reply, "ServerReply"),
            "LastError" = COALESCE(@error, "LastError"),
            "LeaseOwner" = NULL,
            "LeaseExpiresAt" = NULL
        WHERE "Id" = @id AND "LeaseOwner" = @owner AND "Status" IN (0, 1)
        """;

    private const string RenewSql = """
        UPDATE "EmailSends" SET "LeaseExpiresAt" = @until
        WHERE "Status" = 1 AND "LeaseOwner" = @owner AND "LeaseExpiresAt" >= @now
        """;

    private const string RecoverSql = """
        UPDATE "EmailSends" SET "Status" = 0, "LeaseExpiresAt" = NULL
        WHERE "Status" = 1 AND "LeaseExpiresAt" < @now
        """;

    /// <summary>
    /// Leases up to <c>@limit</c> rows of campaign <c>@campaign</c> that are pending and due
    /// (<c>@now</c>) to <c>@owner</c> until <c>@leaseUntil</c>, counting the attempt, and returns
    /// Id, CampaignId, NonprofitId, Email, Name, Address, Tags, Attempts. Several workers on
    /// several nodes may run it at once and never get the same row.
    /// </summary>
    public abstract string ClaimSql { get; }

    /// <summary>The statement that extends a worker's live leases (<see cref="RenewLeasesAsync"/>); the same on every provider.</summary>
    public static string RenewLeasesSql => RenewSql;

    /// <summary>The fenced statement that writes one outcome (<see cref="RecordAsync"/>); the same on every provider.</summary>
    public static string RecordOutcomeSql => RecordSql;

    public async Task<ClaimedBatch> ClaimAsync(string owner, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var running = await db.Campaigns
            .Where(c => c.Status == CampaignStatus.Queued || c.Status == CampaignStatus.Sending)
            .OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.StartedAt })
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var leaseUntil = now + options.Value.Lease;
        if (running.Count == 0)
        {
            return ClaimedBatch.Empty(now);
        }

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var claimed = new List<ClaimedSend>();
        foreach (var campaign in running)
        {
            var before = claimed.Count;
            await using (var claim = connection.CreateCommand())
            {
                claim.CommandText = ClaimSql;
                Add(claim, "@campaign", DbType.Int64, campaign.Id);
                Add(claim, "@owner", DbType.String, owner);
                Add(claim, "@limit", DbType.Int32, limit - claimed.Count);
                AddTime(claim, "@now", now);
                AddTime(claim, "@leaseUntil", leaseUntil);
                await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    claimed.Add(new ClaimedSend(
                        reader.GetInt64(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2),
                        reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetInt32(7), null));
                }
            }

            if (claimed.Count > before && campaign.StartedAt is null)
            {
                await CampaignLifecycle.MarkStartedAsync(db, webhooks, campaign.Id, now, cancellationToken);
            }

            if (claimed.Count >= limit)
            {
                break;
            }
        }

        return new ClaimedBatch(await MarkUnreachableAsync(db, claimed, cancellationToken), leaseUntil);
    }

    public async Task RecordAsync(string owner, IReadOnlyList<SendOutcome> outcomes, CancellationToken cancellationToken)
    {
        if (outcomes.Count == 0)
        {
            return;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var dbTransaction = transaction.GetDbTransaction();

        var recorded = await UpdateRowsAsync(connection, dbTransaction, owner, outcomes, cancellationToken);
        var now = time.GetUtcNow();
        foreach (var campaign in recorded.GroupBy(o => o.CampaignId))
        {
            await CampaignLifecycle.CountAsync(
                db, webhooks, campaign.Key,
                sent: campaign.Count(o => o.Status == SendStatus.Sent),
                failed: campaign.Count(o => o.Status == SendStatus.Failed),
                skipped: campaign.Count(o => o.Status == SendStatus.Skipped),
                now, cancellationToken);
        }

        var failed = recorded.Where(o => o.Status == SendStatus.Failed).Select(o => (o.SendId, o.Error ?? o.ServerReply)).ToList();
        if (await webhooks.SendsFailedAsync(db, failed, cancellationToken) > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        metrics.Recorded(recorded);
        if (recorded.Where(o => o.Rejected).ToList() is { Count: > 0 } rejected)
        {
            await rejections.RejectedAsync(rejected, cancellationToken);
        }
    }

    public async Task<int> RenewLeasesAsync(string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var renew = connection.CreateCommand();
        renew.CommandText = RenewSql;
        Add(renew, "@owner", DbType.String, owner);
        AddTime(renew, "@now", now);
        AddTime(renew, "@until", until);
        return await renew.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Safe to run anywhere, any time: a live worker renews its leases long before they run out.</summary>
    public async Task<int> RecoverExpiredLeasesAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var recover = connection.CreateCommand();
        recover.CommandText = RecoverSql;
        AddTime(recover, "@now", time.GetUtcNow());
        return await recover.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<CampaignContent> ContentAsync(long campaignId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaignId, cancellationToken);
        var attachments = new List<EncodedAttachment>();
        foreach (var attachment in await db.CampaignAttachments.AsNoTracking().Where(a => a.CampaignId == campaignId).OrderBy(a => a.Position).ToListAsync(cancellationToken))
        {
            var content = await mediaStore.ReadAsync(attachment.MediaFileId, cancellationToken)
                ?? throw new InvalidOperationException($"The media store has lost file {attachment.MediaFileId} ({attachment.Name}), which campaign {campaignId} attaches.");
            attachments.Add(EncodedAttachment.Encode(attachment.Name, attachment.ContentType, content));
        }

        return CampaignContent.From(campaign) with { Attachments = attachments };
    }

    /// <summary>How the provider stores a <see cref="DateTimeOffset"/> (SQLite: a sortable integer).</summary>
    protected virtual (DbType Type, object Value) StoredTime(DateTimeOffset value) => (DbType.DateTimeOffset, value);

    private static async Task<IReadOnlyList<ClaimedSend>> MarkUnreachableAsync(AppDbContext db, List<ClaimedSend> claimed, CancellationToken cancellationToken)
    {
        var nonprofitIds = claimed.Where(s => s.NonprofitId is not null).Select(s => s.NonprofitId!.Value).ToList();
        var unreachable = nonprofitIds.Count == 0 ? [] : await db.Nonprofits
            // One array parameter: ids translated as separate parameters or constants would make a
            // new SQL text, and a new entry in EF's query cache, for nearly every batch.
            .Where(n => EF.Parameter(nonprofitIds).Contains(n.Id) && (n.OptedOutAt != null || n.SuppressedAt != null))
            .Select(n => new { n.Id, OptedOut = n.OptedOutAt != null })
            .ToDictionaryAsync(n => n.Id, n => n.OptedOut, cancellationToken);
        return claimed.Select(s => s switch
        {
            { NonprofitId: null } => s with { SkipReason = "The nonprofit was deleted after the campaign was launched." },
            { NonprofitId: { } id } when unreachable.TryGetValue(id, out var optedOut) => s with
            {
                SkipReason = optedOut ? "The nonprofit opted out after the campaign was launched." : "The nonprofit's address was suppressed (it bounced) after the campaign was launched.",
            },
            _ => s,
        }).ToList();
    }

    /// <summary>Whether the batch of <see cref="RecordOutcomeSql"/> statements is prepared before it runs.</summary>
    protected virtual bool PreparesRecordBatch => false;

    /// <summary>
    /// Writes the outcomes with <see cref="RecordOutcomeSql"/>, fenced by <paramref name="owner"/>,
    /// and returns those that were written.
    /// </summary>
    private async Task<List<SendOutcome>> UpdateRowsAsync(
        DbConnection connection, DbTransaction transaction, string owner, IReadOnlyList<SendOutcome> outcomes, CancellationToken cancellationToken)
    {
        var recorded = new List<SendOutcome>(outcomes.Count);
        if (connection.CanCreateBatch)
        {
            // One round trip for the whole batch (SQL Server, PostgreSQL).
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            foreach (var outcome in outcomes)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = RecordSql;
                foreach (var (name, type, value) in RecordParameters(owner, outcome))
                {
                    var parameter = command.CreateParameter();
                    (parameter.ParameterName, parameter.DbType, parameter.Value) = (name, type, value ?? DBNull.Value);
                    command.Parameters.Add(parameter);
                }

                batch.BatchCommands.Add(command);
            }

            if (PreparesRecordBatch)
            {
                await batch.PrepareAsync(cancellationToken);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
            for (var i = 0; i < outcomes.Count; i++)
            {
                if (batch.BatchCommands[i].RecordsAffected == 1)
                {
                    recorded.Add(outcomes[i]);
                }
            }

            return recorded;
        }

        // In-process SQLite: one prepared statement, reused for every row.
        await using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = RecordSql;
        foreach (var (name, type, _) in RecordParameters(owner, outcomes[0]))
        {
            Add(update, name, type, null);
        }

        await update.PrepareAsync(cancellationToken);
        foreach (var outcome in outcomes)
        {
            foreach (var (name, _, value) in RecordParameters(owner, outcome))
            {
                update.Parameters[name].Value = value ?? DBNull.Value;
            }

            if (await update.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                recorded.Add(outcome);
            }
        }

        return recorded;
    }

    private IEnumerable<(string Name, DbType Type, object? Value)> RecordParameters(string owner, SendOutcome outcome)
    {
        var timeType = StoredTime(outcome.At).Type;
        yield return ("@id", DbType.Int64, outcome.SendId);
        yield return ("@owner", DbType.String, owner);
        yield return ("@status", DbType.Int32, (int)outcome.Status);
        yield return ("@refund", DbType.Int32, outcome.RefundAttempt ? 1 : 0);
        yield return ("@next", timeType, outcome.NextAttemptAt is { } next ? StoredTime(next).Value : null);
        yield return ("@sentAt", timeType, outcome.Status == SendStatus.Sent ? StoredTime(outcome.At).Value : null);
        yield return ("@messageId", DbType.String, outcome.MessageId);
        yield return ("@server", DbType.String, outcome.ServerName);
        yield return ("@reply", DbType.String, outcome.ServerReply);
        yield return ("@error", DbType.String, outcome.Error);
    }

    private static void Add(DbCommand command, string name, DbType type, object? value)
    {
        var parameter = command.CreateParameter();
        (parameter.ParameterName, parameter.DbType, parameter.Value) = (name, type, value ?? DBNull.Value);
        command.Parameters.Add(parameter);
    }

    private void AddTime(DbCommand command, string name, DateTimeOffset value)
    {
        var (type, stored) = StoredTime(value);
        Add(command, name, type, stored);
    }
}
