using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Nonprofits.DataRequests;
using NonprofitPortal.Features.Webhooks;

namespace NonprofitPortal.Features.Nonprofits;

/// <summary>Adds, changes, opts out and deletes nonprofits, one at a time.</summary>
public sealed class NonprofitEditor(
    IDbContextFactory<AppDbContext> contextFactory,
    NonprofitDirectory directory,
    ErasedEmails erasedEmails,
    AuditLog auditLog,
    WebhookOutbox webhooks,
    TimeProvider time)
{
    public async Task<OperationResult<NonprofitSummary>> CreateAsync(NonprofitInput input, ClaimsPrincipal actingUser, CancellationToken cancellationToken)
    {
        var (fields, errors) = NonprofitRules.Validate(input);
        if (fields is null)
        {
            return OperationResult<NonprofitSummary>.From(OperationResult.Invalid(errors));
        }

        if (await EmailTakenAsync(fields.Email, exceptId: null, cancellationToken) is { } taken)
        {
            return OperationResult<NonprofitSummary>.From(taken);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await RefuseOrReaddErasedAsync(db, fields, input.ReaddErased, actingUser, cancellationToken) is { } erased)
        {
            return OperationResult<NonprofitSummary>.From(erased);
        }

        var now = time.GetUtcNow();
        var nonprofit = new Nonprofit { CreatedAt = now };
        nonprofit.Apply(fields, replaceTags: true, now);
        db.Nonprofits.Add(nonprofit);
        if (await SaveAsync(db, fields, nonprofit.Id, cancellationToken) is { } failure)
        {
            return OperationResult<NonprofitSummary>.From(failure);
        }

        await auditLog.RecordAsync(Actor.From(actingUser), NonprofitAuditActions.Created, $"{fields.Name} <{fields.Email}>", null, cancellationToken);
        return OperationResult<NonprofitSummary>.Ok((await directory.FindAsync(nonprofit.Id, cancellationToken))!);
    }

    /// <param name="expectedVersion">The version the editor started from; null to overwrite whatever is there.</param>
    public async Task<OperationResult<NonprofitSummary>> UpdateAsync(
        long id, NonprofitInput input, int? expectedVersion, ClaimsPrincipal actingUser, CancellationToken cancellationToken)
    {
        var (fields, errors) = NonprofitRules.Validate(input);
        if (fields is null)
        {
            return OperationResult<NonprofitSummary>.From(OperationResult.Invalid(errors));
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var nonprofit = await db.Nonprofits.Include(n => n.Tags).SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (nonprofit is null)
        {
            return OperationResult<NonprofitSummary>.From(NotFound());
        }

        if (expectedVersion is { } version && version != nonprofit.Version)
        {
            return OperationResult<NonprofitSummary>.From(ChangedMeanwhile(nonprofit));
        }

        if (await EmailTakenAsync(fields.Email, exceptId: id, cancellationToken) is { } taken)
        {
            return OperationResult<NonprofitSummary>.From(taken);
        }

        if (fields.NormalizedEmail != nonprofit.NormalizedEmail
            && await RefuseOrReaddErasedAsync(db, fields, input.ReaddErased, actingUser, cancellationToken) is { } erased)
        {
            return OperationResult<NonprofitSummary>.From(erased);
        }

        nonprofit.Apply(fields, replaceTags: input.Tags is not null, time.GetUtcNow());
        if (await SaveAsync(db, fields, id, cancellationToken) is { } failure)
        {
            return OperationResult<NonprofitSummary>.From(failure);
        }

        await auditLog.RecordAsync(Actor.From(actingUser), NonprofitAuditActions.Edited, $"{fields.Name} <{fields.Email}>", null, cancellationToken);
        return OperationResult<NonprofitSummary>.Ok((await directory.FindAsync(id, cancellationToken))!);
    }

    /// <summary>
    /// An address erased on request comes back only when the user says so (<c>readdErased</c>):
    /// <see cref="OperationError.ErasedEarlier"/> otherwise, whose message is the API's (pages word
    /// their own from <see cref="OperationResult.ErasedAt"/>); re-adding forgets the erasure and audits it.
    /// </summary>
    private async Task<OperationResult?> RefuseOrReaddErasedAsync(
        AppDbContext db, NonprofitFields fields, bool readdErased, ClaimsPrincipal actingUser, CancellationToken cancellationToken)
    {
        var erased = await erasedEmails.ErasedAmongAsync(db, [fields.NormalizedEmail], cancellationToken);
        if (!erased.TryGetValue(fields.NormalizedEmail, out var erasedAt))
        {
            return null;
        }

        if (!readdErased)
        {
            return OperationResult.ErasedEarlier(ErasedEmails.ErasedMessage(erasedAt), erasedAt);
        }

        var hash = erasedEmails.HashOf(fields.NormalizedEmail);
        await db.ErasedEmails.Where(e => e.Hash == hash).ExecuteDeleteAsync(cancellationToken);
        await auditLog.RecordAsync(Actor.From(actingUser), NonprofitAuditActions.ReaddedAfterErasure, fields.Name, $"erased on {erasedAt.UtcDateTime:yyyy-MM-dd}", cancellationToken);
        return null;
    }

    public async Task<OperationResult<NonprofitSummary>> SetOptedOutAsync(long id, bool optedOut, ClaimsPrincipal actingUser, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var nonprofit = await db.Nonprofits.SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (nonprofit is null)
        {
            return OperationResult<NonprofitSummary>.From(NotFound());
        }

        if ((nonprofit.OptedOutAt is not null) != optedOut)
        {
            var now = time.GetUtcNow();
            nonprofit.OptedOutAt = optedOut ? now : null;
            nonprofit.UpdatedAt = now;
            nonprofit.Version++;
            if (optedOut)
            {
                await webhooks.NonprofitAsync(db, WebhookEventTypes.NonprofitUnsubscribed, id, "staff", cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            await auditLog.RecordAsync(
                Actor.From(actingUser),
                optedOut ? NonprofitAuditActions.OptedOut : NonprofitAuditActions.OptedIn,
                $"{nonprofit.Name} <{nonprofit.Email}>",
                null,
                cancellationToken);
        }

        return OperationResult<NonprofitSummary>.Ok((await directory.FindAsync(id, cancellationToken))!);
    }

    public async Task<OperationResult> DeleteAsync(long id, ClaimsPrincipal actingUser, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var nonprofit = await db.Nonprofits.SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (nonprofit is null)
        {
            return NotFound();
        }

        db.Nonprofits.Remove(nonprofit);
        await db.SaveChangesAsync(cancellationToken);
        await auditLog.RecordAsync(Actor.From(actingUser), NonprofitAuditActions.Deleted, $"{nonprofit.Name} <{nonprofit.Email}>", null, cancellationToken);
        return OperationResult.Ok();
    }

    private async Task<OperationResult?> EmailTakenAsync(string email, long? exceptId, CancellationToken cancellationToken) =>
        await directory.EmailHolderAsync(email, exceptId, cancellationToken) is { } holder
            ? OperationResult.Conflict(EmailTakenMessage(holder))
            : null;

    public static string EmailTakenMessage(NonprofitSummary holder) => $"{holder.Email} is already the email of {holder.Name}.";

    private async Task<OperationResult?> SaveAsync(AppDbContext db, NonprofitFields fields, long id, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return OperationResult.Conflict("Someone else changed this nonprofit at the same moment. Reload it to see their changes, then edit again.");
        }
        catch (DbUpdateException)
        {
            // Another save may have taken the email between our check and this one.
            db.ChangeTracker.Clear();
            if (await EmailTakenAsync(fields.Email, id == 0 ? null : id, cancellationToken) is { } taken)
            {
                return taken;
            }

            throw;
        }
    }

    private static OperationResult ChangedMeanwhile(Nonprofit current) => OperationResult.Conflict(
        $"Someone else changed {current.Name} since you opened it (at {current.UpdatedAt:yyyy-MM-dd HH:mm} UTC). Reload to see their changes, then edit again.");

    private static OperationResult NotFound() => OperationResult.NotFound("That nonprofit does not exist (any more).");
}
