using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Accounts;

namespace NonprofitPortal.Features.Nonprofits.DataRequests;

/// <summary>
/// A nonprofit's data requests: export everything held about it, and erase it. Erasing deletes
/// the record and its tags, keeps its send history and delivery and tracking events for the
/// campaigns' counts but without anything that names it, and keeps its address only as a keyed
/// hash on the erased list, all in one transaction.
/// </summary>
public sealed class NonprofitDataRequests(
    IDbContextFactory<AppDbContext> contextFactory,
    NonprofitHistory history,
    ErasedEmails erasedEmails,
    AuditLog auditLog,
    TimeProvider time)
{
    /// <summary>What replaces the name and address of an erased nonprofit wherever its history is kept.</summary>
    public const string Erased = "(erased)";

    private const int AllEvents = 100_000;

    /// <summary>Null when the nonprofit does not exist (or was erased).</summary>
    public async Task<NonprofitDataExport?> ExportAsync(long id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var nonprofit = await db.Nonprofits.AsNoTracking().Include(n => n.Tags).SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (nonprofit is null)
        {
            return null;
        }

        var campaigns = await (
                from send in db.EmailSends
                join campaign in db.Campaigns on send.CampaignId equals campaign.Id
                where send.NonprofitId == id
                orderby send.Id
                select new { send, campaign.Name, campaign.SubjectTemplate, campaign.CreatedAt })
            .ToListAsync(cancellationToken);
        var email = nonprofit.NormalizedEmail;
        var audit = await db.AuditEntries.AsNoTracking()
            .Where(e => (e.Subject != null && e.Subject.ToLower().Contains(email)) || (e.Details != null && e.Details.ToLower().Contains(email)))
            .OrderBy(e => e.Id)
            .Select(e => new NonprofitDataAuditEntry(e.At, e.ActorName, e.Action, e.Subject, e.Details))
            .ToListAsync(cancellationToken);
        var events = await history.EventsAsync(id, AllEvents, cancellationToken) ?? [];

        await auditLog.RecordAsync(Actor.From(user), NonprofitAuditActions.DataExported, $"nonprofit {id}", $"{campaigns.Count} messages, {events.Count} events", cancellationToken);
        return new NonprofitDataExport(
            time.GetUtcNow(),
            new NonprofitDataRecord(nonprofit.Id, nonprofit.Name, nonprofit.Address, nonprofit.Email, nonprofit.Tags.Select(t => t.Name).Order().ToList(),
                nonprofit.OptedOutAt, nonprofit.SuppressedAt, nonprofit.SuppressionReason, nonprofit.CreatedAt, nonprofit.UpdatedAt),
            campaigns.Select(c => new NonprofitDataCampaign(
                c.send.CampaignId, c.Name, c.SubjectTemplate, c.CreatedAt, c.send.Status.ToString().ToLowerInvariant(), c.send.Email, c.send.Name, c.send.Address, c.send.Tags,
                c.send.Attempts, c.send.SentAt, c.send.MessageId, c.send.ServerReply, c.send.LastError)).ToList(),
            events,
            audit);
    }

    public async Task<OperationResult<NonprofitErasure>> EraseAsync(long id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        erasedEmails.EnsureKey();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var nonprofit = await db.Nonprofits.Where(n => n.Id == id).Select(n => new { n.Email, n.NormalizedEmail }).SingleOrDefaultAsync(cancellationToken);
        if (nonprofit is null)
        {
            return OperationResult<NonprofitErasure>.From(OperationResult.NotFound("That nonprofit does not exist (any more)."));
        }

        var (typed, normalized) = (nonprofit.Email, nonprofit.NormalizedEmail);
        // Kept for the campaigns' counts and reports, without anything that names the nonprofit; a message not sent yet is skipped.
        var sends = await db.EmailSends
            .Where(s => s.NonprofitId == id)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.NonprofitId, (long?)null)
                .SetProperty(x => x.Email, Erased)
                .SetProperty(x => x.Name, Erased)
                .SetProperty(x => x.Address, "")
                .SetProperty(x => x.Tags, "")
                .SetProperty(x => x.LastError, x => x.LastError == null ? null : x.LastError.Replace(typed, Erased).Replace(normalized, Erased))
                .SetProperty(x => x.ServerReply, x => x.ServerReply == null ? null : x.ServerReply.Replace(typed, Erased).Replace(normalized, Erased)), cancellationToken);
        var deliveryEvents = await db.DeliveryEvents
            .Where(e => e.NonprofitId == id)
            .ExecuteUpdateAsync(e => e
                .SetProperty(x => x.NonprofitId, (long?)null)
                .SetProperty(x => x.Detail, x => x.Detail.Replace(typed, Erased).Replace(normalized, Erased)), cancellationToken);
        var trackingEvents = await db.TrackingEvents
            .Where(e => e.NonprofitId == id)
            .ExecuteUpdateAsync(e => e.SetProperty(x => x.NonprofitId, (long?)null), cancellationToken);
        await db.AuditEntries
            .Where(e => (e.Subject != null && e.Subject.ToLower().Contains(normalized)) || (e.Details != null && e.Details.ToLower().Contains(normalized)))
            .ExecuteUpdateAsync(e => e
                .SetProperty(x => x.Subject, x => x.Subject == null ? null : x.Subject.Replace(typed, Erased).Replace(normalized, Erased))
                .SetProperty(x => x.Details, x => x.Details == null ? null : x.Details.Replace(typed, Erased).Replace(normalized, Erased)), cancellationToken);
        await db.NonprofitTags.Where(t => t.NonprofitId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Nonprofits.Where(n => n.Id == id).ExecuteDeleteAsync(cancellationToken);

        var hash = erasedEmails.HashOf(normalized);
        if (!await db.ErasedEmails.AnyAsync(e => e.Hash == hash, cancellationToken))
        {
            db.ErasedEmails.Add(new ErasedEmail { Hash = hash, ErasedAt = now });
        }

        var erasure = new NonprofitErasure(id, sends, deliveryEvents + trackingEvents, now);
        auditLog.Add(db, Actor.From(user), NonprofitAuditActions.Erased, $"nonprofit {id}",
            $"erased on request: {sends} messages and {erasure.EventsKept} events kept without personal data, the address kept only as a keyed hash");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return OperationResult<NonprofitErasure>.Ok(erasure);
    }
}
